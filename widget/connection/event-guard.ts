import type { VisitorEvent } from '../../shared/visitor-protocol';
import { widgetLocales } from '../../shared/widget-locales';

// Why a hand-written guard and not VisitorEvent.safeParse: the server is the trust boundary. It
// validates every inbound frame with the shared zod schemas and builds every frame it sends from
// them, so the widget only needs protection from a mismatched or buggy server, not from an attacker.
// zod/mini would be about half of the widget's 20 KB budget, and the widget renders every text as
// text (Preact text nodes, links only for http(s)), so a wrong string can at worst read wrongly.
// What this checks is what keeps the panel from breaking: the frame is a JSON object whose `type`
// is a VisitorEvent type, and the fields the model and the panel read have the right primitive
// types. Anything else is ignored (and counted by the connection), never applied.

type Check = (value: unknown) => boolean;
type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number';
const isBoolean: Check = (v) => typeof v === 'boolean';
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const oneOf =
  (...values: readonly string[]): Check =>
  (v) =>
    values.includes(v as string);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([key, check]) => check(v[key]));

const slot = shape({ start: isString, end: isString });
const message = shape({
  conversationId: isString,
  seq: isNumber,
  clientMessageId: optional(isString),
  sender: shape({ kind: oneOf('visitor', 'bot', 'operator', 'system'), name: optional(isString) }),
  text: isString,
  createdAt: isString,
  attachment: optional(shape({ id: isString, name: isString, size: isNumber, image: isBoolean })),
});
const messages = listOf(message);
const operator = shape({ name: isString, initial: isString });
const estimate: Check = (v) =>
  isObject(v) && (v.kind === 'range' ? isNumber(v.minMinutes) && isNumber(v.maxMinutes) : v.kind === 'unknown' && isString(v.reason));
const view = shape({
  conversationId: isString,
  state: oneOf('bot', 'queued', 'owned', 'callback_requested', 'resolved'),
  handoffTopic: orNull(isString),
  missingFacts: listOf(isString),
  position: orNull(isNumber),
  estimate: orNull(estimate),
  operator: orNull(operator),
  callbackOffer: orNull(shape({ reason: isString, slots: listOf(slot), siteTimeZone: isString, nextOpenAt: orNull(isString) })),
  callbackBooked: orNull(shape({ slot: orNull(slot), contactKind: isString })),
  rated: isBoolean,
});
const ui = shape({
  locale: oneOf(...widgetLocales),
  strings: (v) => isObject(v) && Object.values(v).every(isString),
  look: shape({ accentColor: isString, position: isString }),
  handoffEnabled: isBoolean,
});

// Keyed by every VisitorEvent type, so the compiler notices a new event the guard does not know.
const events: Record<VisitorEvent['type'], Record<string, Check>> = {
  welcome: {
    visitorToken: isString,
    ui,
    team: optional(shape({ members: listOf(operator), replyMinutes: orNull(isNumber) })),
    conversation: orNull(view),
    messages,
  },
  message_added: { message },
  bot_delta: { streamId: isString, at: isNumber, text: isString },
  bot_stream_ended: { streamId: isString, interrupted: isBoolean },
  history: { messages },
  conversation_updated: { conversation: view },
  handoff_started: { topic: orNull(isString) },
  operator_joined: { operator },
  operator_typing: { isTyping: isBoolean },
  returned_to_bot: {},
  conversation_resolved: {},
  callback_confirmed: {},
  identity_checked: {},
  error: { code: isString, clientMessageId: optional(isString) },
  pong: { nonce: isNumber },
};

/** True when a parsed frame is safe to hand to the chat model as a VisitorEvent. */
export function isVisitorEvent(value: unknown): value is VisitorEvent {
  // Own keys only: a `type` such as "constructor" must not find something on Object.prototype.
  if (!isObject(value) || !Object.keys(events).includes(value.type as string)) return false;
  return shape(events[value.type as VisitorEvent['type']])(value);
}
