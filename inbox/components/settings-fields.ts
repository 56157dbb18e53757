/** Config paths a dedicated settings form shows issues for; the JSON editor lists every other issue. */
export const claimedPaths: readonly string[] = [
  'handoffEnabled',
  'botAnswersWhileWaiting',
  'replyTone',
  'triggers.human_request.enabled',
  'triggers.low_confidence.enabled',
  'triggers.low_confidence.threshold',
  'triggers.low_confidence.mode',
  'triggers.policy_topic',
  'triggers.semantic.examples',
  'triggers.customer_tag.enabled',
  'triggers.tool_failure.enabled',
  'triggers.buying_intent.enabled',
  'triggers.repeated_failure.enabled',
  'triggers.frustration.enabled',
  'triggers.out_of_scope.enabled',
  'queues',
  'defaultQueue',
  'handoverRules',
  'hours',
  'widget',
  'webhook',
];

/** One phrase per line in a textarea. */
export const toLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
