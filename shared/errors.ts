import * as z from 'zod/mini';

export const ErrorCode = z.enum([
  'invalid_frame',
  'invalid_request',
  'frame_too_large',
  'rate_limited',
  'overloaded',
  'busy',
  'unsupported_version',
  'unknown_site',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'already_claimed',
  'transition_not_allowed',
  'version_conflict',
  'invalid_credentials',
  'account_locked',
  'invalid_identity',
  'callback_slot_unavailable',
  'attachment_too_large',
  'attachment_type_forbidden',
  'db_unavailable',
  'origin_not_allowed',
  'invite_invalid',
  'already_exists',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Default human messages; callers may replace them with a more specific one. */
export const errorMessages: Record<ErrorCode, string> = {
  invalid_frame: 'The message was not understood; check its fields against the protocol.',
  invalid_request: 'The request was not valid; see the listed issues.',
  frame_too_large: 'The message is too large; shorten it and send it again.',
  rate_limited: 'Too many messages in a short time; wait a moment and try again.',
  overloaded: 'The server is busy right now and did not apply this; try again in a few seconds.',
  busy: 'Too many messages are still waiting on this connection; this one was not applied. Try again in a moment.',
  unsupported_version: 'This widget is out of date; reload the page.',
  unknown_site: 'No site matches this site key; check the data-site attribute of the script tag.',
  unauthenticated: 'Sign in to continue.',
  forbidden: 'You do not have access to this site or conversation.',
  csrf_failed: 'The request lacked a valid CSRF token; reload the page and try again.',
  not_found: 'Nothing was found with that id.',
  already_claimed: 'Another operator already took this conversation.',
  transition_not_allowed: 'That action is not possible in the conversation’s current state.',
  version_conflict: 'The conversation changed meanwhile; reload it and try again.',
  invalid_credentials: 'Email or password is not correct.',
  account_locked: 'Too many failed sign-ins for this email; wait a little and try again.',
  invalid_identity: 'The identity could not be verified; tags and attributes are ignored.',
  callback_slot_unavailable: 'That callback time is no longer available; pick another one.',
  attachment_too_large: 'The file is larger than 5 MB; send a smaller one or a link to it.',
  attachment_type_forbidden:
    'That kind of file cannot be sent; images (PNG, JPEG, GIF, WebP), PDF, text, CSV and Word, Excel or PowerPoint files can.',
  db_unavailable: 'The database is not answering; try again in a few seconds.',
  origin_not_allowed:
    "This page's origin is not one of the site's allowed origins; an admin adds it under Settings → General (or `baton site origins`).",
  invite_invalid: 'This invite link is unknown, already used or expired; ask an admin for a new one.',
  already_exists: 'That already exists.',
  internal: 'Something went wrong on our side; it has been logged.',
};

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  /** With `already_claimed`: who holds the conversation, so a client can show the lock without parsing text. */
  owner: z.optional(z.object({ operatorId: z.string(), name: z.string() })),
  /** With `overloaded`, `busy` and `rate_limited`: nothing was applied; the same request may go again after this long. */
  retryAfterMs: z.optional(z.number()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
