/**
 * The one place an AI endpoint's base URL becomes the URL Baton calls. The outbound-URL guard
 * (server/security/outbound-url.ts, being added on the `harden` branch) belongs here, so every
 * request to a site-configured model passes it: check the URL, then resolve and pin its address.
 */
export function chatCompletionsUrl(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`The AI endpoint must be an http(s) URL, not ${url.protocol}`);
  // "https://api.openai.com/v1" and "https://api.openai.com/v1/" both end in /chat/completions.
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}
