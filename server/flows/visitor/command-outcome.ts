import type { ErrorCode } from '../../../shared/errors';
import type { Message } from '../../entities/message';
import type { Visitor } from '../../entities/visitor';

/** What a visitor's command came to: the socket turns it into a frame. */
export type CommandOutcome =
  | { kind: 'ok' }
  | { kind: 'duplicate'; message: Message }
  | { kind: 'identity'; verified: boolean; visitor: Visitor }
  /** Another verified person signed in on this browser: they start as a new visitor, with its own token. */
  | { kind: 'new_visitor'; visitor: Visitor; token: string }
  | { kind: 'refused'; code: ErrorCode; message: string };
