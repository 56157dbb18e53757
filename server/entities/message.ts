import type { AttachmentRef } from '../../shared/attachments';
import type { SenderKind } from '../../shared/entities';

export interface BotMeta {
  confidence: number | null;
  fallback: boolean;
  toolError: boolean;
  intent: string | null;
  /** An answer cut off mid-stream (barge-in, claim, handoff, a broken stream): the text is what the visitor saw. */
  interrupted?: boolean;
}

export interface Message {
  _id: string;
  conversationId: string;
  siteId: string;
  seq: number;
  /** conversationId + ':' + client message id (or a fresh id): unique, so a resend stores once. */
  dedupeKey: string;
  clientMessageId: string | null;
  sender: { kind: SenderKind; id?: string; name?: string };
  text: string;
  bot: BotMeta | null;
  createdAt: Date;
  /** A file sent with the message; absent on messages stored before attachments. */
  attachment?: AttachmentRef | null;
}
