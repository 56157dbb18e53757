import type { ErrorCode } from '../../../shared/errors';
import type { Message } from '../../entities/message';
import type { Visitor } from '../../entities/visitor';

/** What a visitor's command came to: the socket turns it into a frame. */
export type CommandOutcome =
  | { kind: 'ok' }
  | { kind: 'duplicate'; message: Message }
  | { kind: 'identity'; verified: boolean; visitor: Visitor }
  | { kind: 'refused'; code: ErrorCode; message: string };
