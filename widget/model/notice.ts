import type { ErrorCode } from '../../shared/errors';
import type { VisitorStrings } from '../../shared/visitor-messages';
import type { ConnectionStatus } from '../connection/connection';

/** The one connection or server problem the visitor is told about, most important first. */
export type Notice =
  | { kind: 'failed'; reason: string }
  | { kind: 'reconnecting' }
  | { kind: 'resync_failed' }
  | { kind: 'error'; code: ErrorCode };

export function deriveNotice(status: ConnectionStatus, resyncFailed: boolean, serverError: ErrorCode | null): Notice | null {
  if (status.kind === 'failed') return { kind: 'failed', reason: status.reason };
  // The first connect is not "reconnecting"; a retry after a failure is.
  if (status.kind === 'waiting' || (status.kind === 'connecting' && status.attempt > 0)) return { kind: 'reconnecting' };
  if (resyncFailed) return { kind: 'resync_failed' };
  return serverError ? { kind: 'error', code: serverError } : null;
}

const errorTexts: Partial<Record<ErrorCode, (s: VisitorStrings) => string>> = {
  rate_limited: (s) => s.tooFast,
  callback_slot_unavailable: (s) => s.slotTaken,
  attachment_too_large: (s) => s.attachTooLarge,
  attachment_type_forbidden: (s) => s.attachForbidden,
};

export function noticeText(notice: Notice, s: VisitorStrings): string {
  switch (notice.kind) {
    case 'failed':
      return notice.reason === 'unsupported_version' ? s.chatOutdated : s.chatUnavailable;
    case 'reconnecting':
      return s.reconnecting;
    case 'resync_failed':
      return s.resyncFailed;
    case 'error':
      return errorTexts[notice.code]?.(s) ?? s.genericError;
  }
}
