import type { CallbackContact, CallbackSlot } from '../../shared/entities';

export interface Callback {
  _id: string;
  siteId: string;
  conversationId: string;
  slot: CallbackSlot | null;
  contact: CallbackContact;
  note: string | null;
  visitorTimeZone: string | null;
  status: 'pending' | 'done';
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
}
