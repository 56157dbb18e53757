import pino, { type DestinationStream, type Logger } from 'pino';

// No secret in any log line: visitor tokens ride in the socket URL's query, session cookies and CSRF
// tokens in headers and bodies, webhook URLs (credentials, as Slack's are) in settings. Request URLs
// are logged with only harmless query values kept; known secret fields are censored wherever logged.

/** Query parameters whose values are safe and useful in logs; every other value is replaced. */
const SAFE_QUERY_KEYS = new Set(['site', 'v', 'view', 'limit', 'before', 'after', 'cursor', 'queue', 'state']);
const CENSOR = '[redacted]';

/** The URL as logged: the path, and the query with every value not known to be harmless replaced. */
export function safeUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const kept = [...params].map(
    ([key, value]) => `${encodeURIComponent(key)}=${SAFE_QUERY_KEYS.has(key) ? encodeURIComponent(value) : CENSOR}`,
  );
  return `${url.slice(0, at)}?${kept.join('&')}`;
}

const SECRET_FIELDS = ['password', 'csrfToken', 'visitorToken', 'token', 'secret', 'userHash', 'cookieValue', 'webhookUrl'];

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers["x-csrf-token"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  'config.webhook.url',
  '*.config.webhook.url',
  'config.bot.url',
  '*.config.bot.url',
];

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export const logSerializers = {
  req(req: LoggedRequest) {
    return { method: req.method, url: safeUrl(req.url ?? ''), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
  },
};

/** The server's logger: level from LOG_LEVEL, secrets kept out. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: CENSOR }, serializers: logSerializers }, destination);
}
