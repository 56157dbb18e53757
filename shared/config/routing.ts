import * as z from 'zod/mini';
import { TriggerId } from '../entities';
import { QueueId } from './queues';

/**
 * Maps what the engine found (trigger, intent, tags, page, language) to a queue; first match wins.
 * Conditions that are present must all hold; a list holds when any of its entries matches.
 * `triggers` is compared with the primary trigger only, so a secondary signal (a pricing word
 * inside a refund request) cannot pull the case into another queue. `tags` are verified tags only.
 * When no rule matches, the policy topic's own queue applies, then the site's default queue.
 */
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

export const defaultHandoverRules: HandoverRule[] = [
  { id: 'vip', when: { tags: ['vip', 'named-account', 'named_account'] }, queue: 'vip' },
  { id: 'vip-customer-tag', when: { triggers: ['customer_tag'] }, queue: 'vip' },
  { id: 'sales-buying-intent', when: { triggers: ['buying_intent'] }, queue: 'sales' },
  { id: 'sales', when: { intents: ['sales'] }, queue: 'sales' },
  { id: 'billing', when: { intents: ['billing'] }, queue: 'billing' },
  { id: 'account', when: { intents: ['account'] }, queue: 'account' },
  { id: 'technical', when: { intents: ['technical'] }, queue: 'technical' },
];
