import * as z from 'zod/mini';
import { BotConfig } from './config/bot';
import { defaultSchedule, Schedule } from './config/hours';
import { defaultQueues, QueueConfig } from './config/queues';
import { defaultHandoverRules, HandoverRule } from './config/routing';
import { TriggersConfig } from './config/triggers';
import { WidgetConfig } from './config/widget';

export const OutgoingWebhookConfig = z.object({
  url: z.nullable(z.url({ protocol: /^https?$/ })),
  format: z._default(z.enum(['json', 'slack']), 'json'),
  events: z._default(
    z.array(z.enum(['escalated', 'claimed', 'resolved', 'callback_requested'])),
    ['escalated', 'claimed', 'resolved', 'callback_requested'],
  ),
});
export type OutgoingWebhookConfig = z.infer<typeof OutgoingWebhookConfig>;

/** One document per site; every part has defaults good enough for day one. */
export const SiteConfig = z.object({
  handoffEnabled: z._default(z.boolean(), true),
  /** The bot keeps answering while the visitor waits for a person (off: it stays silent). */
  botAnswersWhileWaiting: z._default(z.boolean(), false),
  triggers: z.prefault(TriggersConfig, {}),
  queues: z._default(z.array(QueueConfig).check(z.minLength(1)), defaultQueues),
  handoverRules: z._default(z.array(HandoverRule), defaultHandoverRules),
  defaultQueue: z._default(z.string(), 'general'),
  /** The people's hours (queues may set their own); the bot answers around the clock. */
  hours: z._default(Schedule, defaultSchedule),
  inactivity: z.prefault(
    z.object({
      botMinutes: z._default(z.number().check(z.gte(1)), 30),
      humanMinutes: z._default(z.number().check(z.gte(1)), 120),
    }),
    {},
  ),
  bot: z.prefault(BotConfig, { kind: 'knowledge_base' }),
  widget: z.prefault(WidgetConfig, {}),
  webhook: z.prefault(OutgoingWebhookConfig, { url: null }),
});
export type SiteConfig = z.infer<typeof SiteConfig>;
export type SiteConfigInput = z.input<typeof SiteConfig>;

export function defaultSiteConfig(): SiteConfig {
  return SiteConfig.parse({});
}
