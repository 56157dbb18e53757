import type { TestQuestionBody, TestQuestionResponse } from '../../../shared/http';
import { KnowledgeBaseBotConfig } from '../../../shared/config/bot';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { answerFromKnowledgeBase } from '../../domain/knowledge-base-bot';
import type { Operator } from '../../entities/operator';
import { seal } from '../../security/secret-box';
import { operatorActor, recordAudit } from '../handoff/audit';

// Site access (another site answers 404) is checked by the caller; these add the role rule.
function assertAdmin(operator: Operator, doing: string): void {
  if (operator.role !== 'admin') throw new CodedError('forbidden', `Only admins can ${doing}.`);
}

async function siteFor(deps: FlowDeps, siteId: string) {
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  return site;
}

export async function botApiKeyStatus(deps: FlowDeps, operator: Operator, siteId: string): Promise<{ set: boolean }> {
  assertAdmin(operator, "see the AI agent's settings");
  return { set: Boolean((await siteFor(deps, siteId)).botApiKey) };
}

/** Seals the key with the server's BATON_SECRET_KEY; the key itself is never logged, audited or returned. */
export async function setBotApiKey(deps: FlowDeps, operator: Operator, siteId: string, apiKey: string | null): Promise<{ set: boolean }> {
  assertAdmin(operator, "change the AI agent's API key");
  const site = await siteFor(deps, siteId);
  if (apiKey !== null && !deps.secretKey) {
    throw new CodedError(
      'invalid_request',
      'The server has no BATON_SECRET_KEY to encrypt the API key with; set it (openssl rand -base64 32) and restart.',
    );
  }
  const sealed = apiKey === null ? null : seal(deps.secretKey!, apiKey.trim());
  await deps.store.sites.setBotApiKey(siteId, sealed, deps.clock.now());
  // Not a config version, but every instance's cached site must drop the old key.
  deps.hub.configChanged(siteId, site.configVersion);
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    action: 'config_changed',
    actor: operatorActor(operator),
    reasons: ['bot_api_key'],
    note: apiKey === null ? 'AI agent API key removed' : 'AI agent API key set',
  });
  return { set: apiKey !== null };
}

/** What the built-in search makes of a question against the site's current articles (either bot kind that has them). */
export async function testQuestion(
  deps: FlowDeps,
  operator: Operator,
  siteId: string,
  body: TestQuestionBody,
): Promise<TestQuestionResponse> {
  assertAdmin(operator, 'test the knowledge base');
  const site = await siteFor(deps, siteId);
  const bot = site.config.bot;
  if (bot.kind === 'webhook') throw new CodedError('invalid_request', "This site's bot is a webhook: it has no knowledge base to test.");
  const config = bot.kind === 'knowledge_base' ? bot : KnowledgeBaseBotConfig.parse({ kind: 'knowledge_base', entries: bot.entries });
  const answer = answerFromKnowledgeBase(body.question, config, {
    locale: body.locale,
    hours: { schedule: site.config.hours, now: deps.clock.now(), visitorTimeZone: site.config.hours.timeZone },
  });
  const entry = answer.matchedEntryId
    ? config.entries.find((e) => e.id === answer.matchedEntryId && e.locale === answer.answerLocale)
    : undefined;
  return {
    article: entry ? { id: entry.id, locale: entry.locale, question: entry.question } : null,
    confidence: answer.confidence,
    threshold: config.confidenceThreshold,
    reply: answer.reply,
    heldBack: answer.heldBack,
  };
}
