import { type ErrorBody, type ErrorCode, errorMessages } from '../shared/errors';

const statusOf: Record<ErrorCode, number> = {
  invalid_frame: 400,
  invalid_request: 400,
  frame_too_large: 413,
  rate_limited: 429,
  overloaded: 503,
  busy: 429,
  unsupported_version: 400,
  unknown_site: 404,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  already_claimed: 409,
  transition_not_allowed: 409,
  version_conflict: 409,
  invalid_credentials: 401,
  account_locked: 429,
  invalid_identity: 400,
  callback_slot_unavailable: 409,
  attachment_too_large: 413,
  attachment_type_forbidden: 415,
  db_unavailable: 503,
  origin_not_allowed: 403,
  invite_invalid: 410,
  already_exists: 409,
  internal: 500,
};

/** A refusal a person can act on; the HTTP error handler maps its code to a status and an ErrorBody. */
export class CodedError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly issues?: ErrorBody['issues'],
    readonly owner?: ErrorBody['owner'],
  ) {
    super(message);
    this.statusCode = statusOf[code];
  }
}

/** The ErrorBody a client receives for this error. */
export function errorBodyOf(error: CodedError): ErrorBody {
  return {
    code: error.code,
    message: error.message,
    ...(error.issues ? { issues: error.issues } : {}),
    ...(error.owner ? { owner: error.owner } : {}),
  };
}

export const fail = (code: ErrorCode, message?: string): never => {
  throw new CodedError(code, message);
};
