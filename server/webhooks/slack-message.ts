import type { HandoffEvent, HandoffWebhookPayload, SlackMessage } from '../../shared/handoff-webhook';

// Slack incoming webhooks treat & < > as control characters (`<!channel>` pings everyone,
// `<url|label>` makes a link), so every value that came from a person or a config is escaped.
// The visitor's name stays out: a channel is a wider audience than the inbox, which the link opens.

const MAX_REASON_CHARS = 500;

const headlineOf: Record<HandoffEvent, (p: HandoffWebhookPayload) => string> = {
  escalated: () => 'A conversation needs a person',
  claimed: (p) => (p.operator ? `${escapeSlack(p.operator.name)} took a conversation` : 'A conversation was claimed'),
  resolved: () => 'A conversation was resolved',
  callback_requested: () => 'A visitor asked to be called back',
};

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toSlackMessage(p: HandoffWebhookPayload): SlackMessage {
  const urgent = p.urgency === 'urgent' || p.urgency === 'high';
  const headline = `${urgent ? ':rotating_light: ' : ''}*${headlineOf[p.event](p)}*`;
  const details = `Queue: *${escapeSlack(p.queue ?? 'none')}* · Urgency: *${p.urgency}*`;
  const reason = p.reason ? `> ${escapeSlack(truncate(p.reason.replace(/\s+/g, ' '), MAX_REASON_CHARS))}` : null;
  const link = p.inboxUrl ? `<${escapeSlack(p.inboxUrl).replace(/\|/g, '%7C')}|Open in the Baton inbox>` : null;
  const main = [headline, details, reason].filter((line) => line !== null).join('\n');
  return {
    text: [main, link].filter((line) => line !== null).join('\n'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: main } },
      ...(link ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: link }] }] : []),
    ],
  };
}

// Cut before escaping, so an entity such as &amp; is never split; by code point, so no emoji is either.
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
