import * as z from 'zod/mini';
import { Schedule } from './hours';

export const QueueId = z.string().check(z.regex(/^[a-z0-9_-]{1,32}$/));

export const QueueConfig = z.object({
  id: QueueId,
  name: z.string().check(z.minLength(1), z.maxLength(64)),
  /** manual: operators pick from Awaiting handoff; automatic: offered to a member. */
  mode: z._default(z.enum(['manual', 'automatic']), 'manual'),
  offerTimeoutSeconds: z._default(z.number().check(z.int(), z.gte(5), z.lte(600)), 30),
  /** null: the site's human hours apply. */
  hours: z._default(z.nullable(Schedule), null),
  /** Operator ids; empty means every operator of the site. */
  members: z._default(z.array(z.string()), []),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

const q = (id: string, name: string): QueueConfig => ({
  id,
  name,
  mode: 'manual',
  offerTimeoutSeconds: 30,
  hours: null,
  members: [],
});

export const defaultQueues: QueueConfig[] = [
  q('general', 'General'),
  q('billing', 'Billing'),
  q('technical', 'Technical'),
  q('account', 'Account'),
  q('sales', 'Sales'),
  q('vip', 'VIP'),
];
