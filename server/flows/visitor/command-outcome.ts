import type { ErrorCode } from '../../../shared/errors';
import type { MessageDoc, VisitorDoc } from '../../store/documents';

/** What a visitor's command came to: the socket turns it into a frame. */
export type CommandOutcome =
  | { kind: 'ok' }
  | { kind: 'duplicate'; message: MessageDoc }
  | { kind: 'identity'; verified: boolean; visitor: VisitorDoc }
  | { kind: 'refused'; code: ErrorCode; message: string };
