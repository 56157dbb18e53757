import { type BotWebhookRequest, BotWebhookResponse } from '../../shared/bot-webhook';
import type { WebhookBotConfig } from '../../shared/config/bot';
import { signedRequestHeaders } from '../security/standard-webhooks';
import type { Bot, BotDeps, BotInput, BotReply } from './bot';

const MAX_RESPONSE_BYTES = 64 * 1024;

export function createWebhookBot(config: WebhookBotConfig, deps: BotDeps): Bot {
  const doFetch = deps.fetch;
  const now = deps.now ?? Date.now;
  return {
    async reply(input, signal) {
      signal?.throwIfAborted();
      const body = JSON.stringify(toRequest(input));
      const timeout = AbortSignal.timeout(config.timeoutMs);
      try {
        const response = await doFetch(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signedRequestHeaders(deps.siteSecret, body, now()),
          },
          body,
          // A redirect would re-send the signed transcript to an address the site never configured.
          redirect: 'error',
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        if (!response.ok) {
          await response.body?.cancel();
          return toolFailure(`The bot webhook answered with HTTP ${response.status}.`);
        }
        const text = await readCapped(response);
        if (text === null) return toolFailure(`The bot webhook's answer is larger than ${MAX_RESPONSE_BYTES} bytes.`);
        return parseAnswer(text);
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        if (timeout.aborted) return toolFailure(`The bot webhook did not answer within ${config.timeoutMs} ms.`);
        return toolFailure(`The bot webhook could not be reached: ${causeOf(err)}.`);
      }
    },
  };
}

// Field by field, so nothing the caller happened to attach to a turn or the visitor leaves the server.
function toRequest({ siteId, conversationId, turns, visitor }: BotInput): BotWebhookRequest {
  return {
    siteId,
    conversationId,
    turns: turns.map(({ from, text, confidence, fallback, toolError, intent }) => ({
      from,
      text,
      confidence,
      fallback,
      toolError,
      intent,
    })),
    visitor: {
      name: visitor.name,
      email: visitor.email,
      locale: visitor.locale,
      page: visitor.page,
      verified: visitor.verified,
      tags: visitor.verified ? visitor.tags : [],
    },
  };
}

function toolFailure(error: string): BotReply {
  return { reply: null, confidence: null, intent: null, facts: {}, handoff: false, fallback: false, toolError: true, error };
}

function parseAnswer(text: string): BotReply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return toolFailure('The bot webhook answered with a body that is not JSON.');
  }
  const parsed = BotWebhookResponse.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return toolFailure(`The bot webhook's answer does not match the contract (${issues}).`);
  }
  const { toolError, ...answer } = parsed.data;
  return toolError === null ? { ...answer, toolError: false } : { ...answer, toolError: true, error: toolError };
}

async function readCapped(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function causeOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
