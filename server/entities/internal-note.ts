/** An operators-only note on a conversation: kept apart from messages, so no visitor path can read it. */
export interface InternalNote {
  _id: string;
  siteId: string;
  conversationId: string;
  author: { operatorId: string; name: string };
  text: string;
  createdAt: Date;
}
