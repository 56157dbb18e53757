import * as z from 'zod/mini';
import { MAX_MESSAGE_CHARS } from '../protocol-version';

/**
 * A site's canned answer, inserted in the composer with `/`. Placeholders are filled in the inbox
 * before the operator sends: {{visitor.name}}, {{visitor.email}}, {{operator.name}}.
 */
export const SavedReply = z.object({
  id: z.string().check(z.regex(/^[a-z0-9_-]{1,40}$/, 'Use 1 to 40 lower-case letters, digits, - or _.')),
  title: z.string().check(z.minLength(1, 'Give the reply a short title.'), z.maxLength(80)),
  text: z.string().check(z.minLength(1, 'Write the reply.'), z.maxLength(MAX_MESSAGE_CHARS)),
});
export type SavedReply = z.infer<typeof SavedReply>;

export const SAVED_REPLY_PLACEHOLDERS = ['{{visitor.name}}', '{{visitor.email}}', '{{operator.name}}'] as const;

export const defaultSavedReplies: SavedReply[] = [
  {
    id: 'greeting',
    title: 'Greeting',
    text: 'Hi {{visitor.name}}, I’m {{operator.name}}. Thanks for waiting — I’m reading your conversation now.',
  },
  { id: 'one-moment', title: 'One moment', text: 'Thanks, {{visitor.name}}. Give me a moment to check that for you.' },
  { id: 'anything-else', title: 'Anything else?', text: 'Is there anything else I can help you with today?' },
];
