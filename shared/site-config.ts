import * as z from 'zod/mini';
import { ReplyTone } from './case-package';
import { BotConfig } from './config/bot';
import { defaultSchedule, Schedule } from './config/hours';
import { defaultQueues, QueueConfig } from './config/queues';
import { defaultHandoverRules, HandoverRule } from './config/routing';
import { defaultSavedReplies, SavedReply } from './config/saved-replies';
import { TriggersConfig } from './config/triggers';
import { WidgetConfig } from './config/widget';

export const OutgoingWebhookConfig = z.object({
  url: z.nullable(z.url({ protocol: /^https?$/ })),
  format: z._default(z.enum(['json', 'slack']), 'json'),
  events: z._default(z.array(z.enum(['escalated', 'claimed', 'resolved', 'callback_requested'])), [
    'escalated',
    'claimed',
    'resolved',
    'callback_requested',
  ]),
});
export type OutgoingWebhookConfig = z.infer<typeof OutgoingWebhookConfig>;

/** The scheme, host and port a page is served from, exactly as a browser sends it in `Origin`. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export const AllowedOrigin = z.string().check(
  z.maxLength(200),
  z.refine(
    (v) => normalizeOrigin(v) === v,
    'An origin is a scheme, host and optional port only, such as https://shop.example.com (no path, no trailing slash).',
  ),
);
/** Days a resolved conversation is kept after its last activity: at least a day, at most ten years. */
export const RETENTION_DAYS = { min: 1, max: 3650, default: 180 } as const;
const RETENTION_DAYS_ISSUE = `Keep resolved conversations for a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}.`;

/**
 * One document per site; every part has defaults good enough for day one. These are its fields;
 * `SiteConfig` below adds the checks across fields.
 */
export const SiteConfigFields = z.object({
  handoffEnabled: z._default(z.boolean(), true),
  /**
   * The pages allowed to run the widget: the visitor socket and the availability check refuse a browser
   * whose `Origin` is not listed, so a site key copied onto another site does nothing. Empty: no page.
   */
  allowedOrigins: z._default(z.array(AllowedOrigin).check(z.maxLength(50)), []),
  /** The voice of the first replies suggested to operators in the case package. */
  replyTone: z._default(ReplyTone, 'friendly'),
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
  /** How long personal data is kept: resolved conversations older than this are deleted (server/jobs/retention.ts). */
  retention: z.prefault(
    z.object({
      resolvedDays: z._default(
        z
          .number({ error: RETENTION_DAYS_ISSUE })
          .check(
            z.int(RETENTION_DAYS_ISSUE),
            z.gte(RETENTION_DAYS.min, RETENTION_DAYS_ISSUE),
            z.lte(RETENTION_DAYS.max, RETENTION_DAYS_ISSUE),
          ),
        RETENTION_DAYS.default,
      ),
    }),
    {},
  ),
  bot: z.prefault(BotConfig, { kind: 'knowledge_base' }),
  widget: z.prefault(WidgetConfig, {}),
  webhook: z.prefault(OutgoingWebhookConfig, { url: null }),
  /** Operators insert these in the composer with `/`. */
  savedReplies: z._default(z.array(SavedReply).check(z.maxLength(200)), defaultSavedReplies),
});

/** Where queues are named; an issue in, inside or above one of these leaves nothing sound to cross-check. */
const QUEUE_PATHS = ['queues', 'defaultQueue', 'handoverRules', 'triggers.policy_topic'];
const touchesQueues = (path: readonly PropertyKey[] = []) => {
  const joined = path.map(String).join('.');
  return path.length === 0 || QUEUE_PATHS.some((p) => joined === p || joined.startsWith(`${p}.`) || p.startsWith(`${joined}.`));
};

/**
 * Every queue the config names must be configured, and each id used once. Routing skips a rule
 * aimed at a missing queue at run time, so without this a typo silently reroutes conversations.
 * Runs beside unrelated field issues, so the admin sees every problem at once, each at its own path.
 */
const queueReferences = z.superRefine(
  (config: z.output<typeof SiteConfigFields>, ctx) => {
    const ids = new Set<string>();
    config.queues.forEach((queue, i) => {
      if (ids.has(queue.id)) {
        ctx.addIssue({
          code: 'custom',
          input: queue.id,
          path: ['queues', i, 'id'],
          message: `Another queue already has the id "${queue.id}"; give each queue its own id.`,
        });
      }
      ids.add(queue.id);
    });
    const known = [...ids].join(', ');
    const mustExist = (queue: string, path: (string | number)[]) => {
      if (ids.has(queue)) return;
      ctx.addIssue({
        code: 'custom',
        input: queue,
        path,
        message: `There is no queue "${queue}"; pick one of ${known}, or add a queue with that id.`,
      });
    };
    mustExist(config.defaultQueue, ['defaultQueue']);
    for (const [i, rule] of config.handoverRules.entries()) mustExist(rule.queue, ['handoverRules', i, 'queue']);
    for (const [i, topic] of config.triggers.policy_topic.topics.entries()) {
      mustExist(topic.queue, ['triggers', 'policy_topic', 'topics', i, 'queue']);
    }
  },
  { when: (payload) => payload.issues.every((issue) => !touchesQueues(issue.path)) },
);

export const SiteConfig = SiteConfigFields.check(queueReferences);
export type SiteConfig = z.infer<typeof SiteConfig>;
export type SiteConfigInput = z.input<typeof SiteConfig>;

export function defaultSiteConfig(): SiteConfig {
  return SiteConfig.parse({});
}
