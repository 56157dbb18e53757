import type { BotConfig } from '../../shared/config/bot';
import type { Bot, BotDeps } from './bot';
import { createKnowledgeBaseBot } from './knowledge-base-bot';
import { createOpenAiBot, type OpenAiBotSite } from './openai-bot';
import { createWebhookBot } from './webhook-bot';

/** The bot a site's configuration names. */
export function createBot(config: BotConfig, deps: BotDeps, site: OpenAiBotSite = { queues: [] }): Bot {
  switch (config.kind) {
    case 'knowledge_base':
      return createKnowledgeBaseBot(config);
    case 'webhook':
      return createWebhookBot(config, deps);
    case 'openai':
      return createOpenAiBot(config, deps, site);
  }
}
