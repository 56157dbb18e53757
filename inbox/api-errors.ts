import { ErrorBody, type ErrorCode, errorMessages } from '../shared/errors';
import { RETRYABLE_ERRORS } from '../shared/retryable-errors';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Server codes plus the two failures only the browser can see. */
export type FailureCode = ErrorCode | 'network_error' | 'unexpected_response';

export interface ApiFailure {
  status: number;
  code: FailureCode;
  message: string;
  issues: FieldIssue[];
  /** With `already_claimed`: who holds the conversation. */
  owner?: ErrorBody['owner'];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export function networkFailure(): ApiFailure {
  return {
    status: 0,
    code: 'network_error',
    message: 'Could not reach the server. Check your connection, then try again.',
    issues: [],
  };
}

export function unexpectedResponse(status: number): ApiFailure {
  return {
    status,
    code: 'unexpected_response',
    message: 'The server sent an answer this page does not understand. Reload the page; if it keeps happening, tell your admin.',
    issues: [],
  };
}

/** The request applied nothing and may simply be repeated later: no connection, or the server said to wait. */
export function isRetryable(failure: ApiFailure): boolean {
  return failure.code === 'network_error' || (RETRYABLE_ERRORS as readonly FailureCode[]).includes(failure.code);
}

/** Reads an ErrorBody; a proxy's HTML error page or an empty body still yields a message a person can act on. */
export function failureFromBody(status: number, body: unknown): ApiFailure {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, issues, owner } = parsed.data;
    return { status, code, message: message.trim() || errorMessages[code], issues: issues ?? [], ...(owner ? { owner } : {}) };
  }
  if (status === 429) return { status, code: 'rate_limited', message: errorMessages.rate_limited, issues: [] };
  if (status >= 500) {
    return { status, code: 'internal', message: `The server had a problem (HTTP ${status}). Try again in a moment.`, issues: [] };
  }
  return unexpectedResponse(status);
}

/** Sign-in failures never say whether the email exists: every refusal reads the same. */
export function loginFailureMessage(error: ApiFailure): string {
  switch (error.code) {
    case 'invalid_credentials':
    case 'invalid_request':
    case 'unauthenticated':
    case 'not_found':
    case 'forbidden':
      return 'Email or password is not correct.';
    case 'rate_limited':
      return 'Too many sign-in attempts. Wait a minute, then try again.';
    default:
      return error.message;
  }
}

/** The message for a refused conversation action, with the next step where the server's text lacks one. */
export function actionFailureMessage(error: ApiFailure): string {
  switch (error.code) {
    case 'already_claimed':
      return error.message;
    case 'version_conflict':
      return 'The conversation changed meanwhile; it has been reloaded. Check it and try again.';
    case 'transition_not_allowed':
      return `${error.message} The conversation has been reloaded.`;
    case 'invalid_request':
      return error.issues.length > 0
        ? `${error.message} ${error.issues.map((i) => `${i.path || 'request'}: ${i.message}`).join('; ')}`
        : error.message;
    default:
      return error.message;
  }
}

/** Who won, from a 409, so the lock shows at once, before the reload lands. */
export function claimedByFrom(error: ApiFailure): NonNullable<ApiFailure['owner']> | null {
  return error.code === 'already_claimed' ? (error.owner ?? null) : null;
}
