/** Why a model call did not produce an answer; `message` is for the operator and the logs (never holds the key). */
export interface LlmFailure {
  kind:
    | 'timeout'
    | 'rate_limited'
    | 'server_error'
    | 'http_error'
    | 'malformed'
    | 'refusal'
    | 'content_filter'
    | 'unreachable'
    | 'too_long';
  message: string;
}

export const llmFailure = (kind: LlmFailure['kind'], message: string): LlmFailure => ({ kind, message });

/** OpenAI's error body is `{ error: { message } }`; others send text. At most 200 characters of it. */
export function errorDetail(body: string): string {
  let detail = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string') detail = message;
  } catch {
    // not JSON: keep the text
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
}

export function httpFailure(status: number, body: string, retryAfter: string | null): LlmFailure {
  const detail = errorDetail(body);
  const said = detail ? `: ${detail}` : '';
  if (status === 429)
    return llmFailure(
      'rate_limited',
      `The AI endpoint is rate limiting requests (HTTP 429${retryAfter ? `, retry after ${retryAfter} s` : ''})${said}.`,
    );
  if (status >= 500) return llmFailure('server_error', `The AI endpoint failed (HTTP ${status})${said}.`);
  if (status === 401 || status === 403) return llmFailure('http_error', `The AI endpoint refused the API key (HTTP ${status})${said}.`);
  return llmFailure('http_error', `The AI endpoint answered HTTP ${status}${said}.`);
}
