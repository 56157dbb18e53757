import { z } from 'zod/mini';
import { TriggerId } from '../entities';
import { QueueId } from './queues';

/** Maps what the engine found (trigger, intent, tags, page, language) to a queue; first match wins. */
export const HandoverRule = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  when: z.object({
    triggers: z.optional(z.array(TriggerId)),
    intents: z.optional(z.array(z.string())),
    tags: z.optional(z.array(z.string())),
    /** Substring of the page URL, e.g. "/pricing". */
    pageContains: z.optional(z.string()),
    languages: z.optional(z.array(z.string())),
  }),
  queue: QueueId,
});
export type HandoverRule = z.infer<typeof HandoverRule>;


export const defaultHandoverRules: HandoverRule[] = [];
