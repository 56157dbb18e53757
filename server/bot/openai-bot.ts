import type { OpenAiBotConfig } from '../../shared/config/bot';
import { pickWidgetLocale } from '../../shared/widget-locales';
import { buildCaseNotesPrompt, parseCaseNotes } from '../domain/agent/case-notes';
import { buildAgentPrompt } from '../domain/agent/prompt';
import { isUncertainReply } from '../domain/agent/uncertainty';
import { extractFacts } from '../domain/facts';
import { describeOpeningHours } from '../domain/hours/hours-answer';
import { bestArticles } from '../domain/knowledge-base-bot';
import { type ChatMessage, streamChat } from '../services/llm/chat-completions';
import { callSiteTool, toolSpecs } from './agent-tools';
import type { Bot, BotDeps, BotReply } from './bot';

/** Rounds of tool calls before the model must answer: a model that keeps calling tools is a tool failure. */
const MAX_TOOL_ROUNDS = 3;

export interface OpenAiBotSite {
  /** Queue names, for the prompt. */
  queues: string[];
}

/**
 * The AI agent: grounded in the site's knowledge base, hours and queues, streaming its answer,
 * handing off through the hand_off tool, and treating every failure (endpoint, stream, tool,
 * budget) as a tool failure so the trigger engine brings in a person rather than a guess.
 */
export function createOpenAiBot(config: OpenAiBotConfig, deps: BotDeps, site: OpenAiBotSite): Bot {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const endpoint = () => ({ baseUrl: config.baseUrl, apiKey: deps.apiKey ?? '', auth: config.auth, model: config.model });
  return {
    ...(config.writeCaseNotes
      ? {
          async caseNotes(input) {
            if (!deps.apiKey || (await deps.budget?.exceeded(input.siteId, config.budget))) return null;
            const outcome = await streamChat(
              {
                endpoint: endpoint(),
                messages: buildCaseNotesPrompt(input),
                temperature: 0.2,
                maxTokens: 400,
                timeouts: { firstTokenMs: config.firstTokenTimeoutMs, idleMs: config.idleTimeoutMs, totalMs: config.totalTimeoutMs },
              },
              { fetch: doFetch },
            );
            await deps.budget?.record(
              input.siteId,
              1,
              outcome.ok && outcome.usage ? outcome.usage.promptTokens + outcome.usage.completionTokens : 0,
            );
            return outcome.ok ? parseCaseNotes(outcome.text) : null;
          },
        }
      : {}),
    async reply(input, signal, onText) {
      signal?.throwIfAborted();
      const visitorTurns = input.turns.filter((t) => t.from === 'visitor');
      const facts: Record<string, string> = Object.assign({}, ...visitorTurns.map((t) => extractFacts(t.text)));
      const failed = (error: string): BotReply => ({
        reply: null,
        confidence: null,
        intent: null,
        facts,
        handoff: false,
        fallback: false,
        toolError: true,
        error,
      });
      if (!deps.apiKey) return failed('The AI agent has no API key: an admin sets one under Settings → Bot.');
      const over = await deps.budget?.exceeded(input.siteId, config.budget);
      if (over) return failed(over);

      const locale = input.locale ?? pickWidgetLocale(input.visitor.locale);
      const hours = input.hours ? describeOpeningHours({ ...input.hours, locale }) : 'not configured';
      const question = visitorTurns.at(-1)?.text ?? '';
      const prompt = buildAgentPrompt({
        instructions: config.instructions,
        locale,
        articles: bestArticles(question, config.entries, locale, config.articles),
        hours,
        queues: site.queues,
        turns: input.turns,
      });
      const messages: ChatMessage[] = [...prompt];
      const tools = toolSpecs(config.tools);
      let said = '';
      for (let round = 0; round < MAX_TOOL_ROUNDS; round++) {
        const outcome = await streamChat(
          {
            endpoint: endpoint(),
            messages,
            tools,
            temperature: config.temperature,
            maxTokens: config.maxTokens,
            timeouts: { firstTokenMs: config.firstTokenTimeoutMs, idleMs: config.idleTimeoutMs, totalMs: config.totalTimeoutMs },
          },
          {
            fetch: doFetch,
            ...(signal ? { signal } : {}),
            onText: (delta) => {
              said += delta;
              onText?.(delta);
            },
          },
        );
        await deps.budget?.record(
          input.siteId,
          1,
          outcome.ok && outcome.usage ? outcome.usage.promptTokens + outcome.usage.completionTokens : 0,
        );
        if (!outcome.ok) return failed(outcome.failure.message);

        const handOff = outcome.toolCalls.find((c) => c.name === 'hand_off');
        if (handOff) {
          const args = parseArguments(handOff.arguments);
          const summary = typeof args?.summary === 'string' ? args.summary.slice(0, 500) : undefined;
          const reason = typeof args?.reason === 'string' ? args.reason.slice(0, 200) : 'the AI agent asked for a person';
          return {
            reply: said.trim() || null,
            confidence: null,
            intent: null,
            facts,
            handoff: true,
            fallback: false,
            toolError: false,
            ...(summary ? { summary } : {}),
            handoffReason: reason,
          };
        }
        if (outcome.toolCalls.length === 0) {
          const text = said.trim();
          if (!text) return failed('The AI endpoint returned an empty answer.');
          return {
            reply: text,
            confidence: null,
            intent: null,
            facts,
            handoff: false,
            fallback: isUncertainReply(text, locale),
            toolError: false,
          };
        }
        if (!config.toolsUrl) return failed(`The model called the tool ${outcome.toolCalls[0]!.name}, but the site has no tools webhook.`);
        messages.push({
          role: 'assistant',
          content: outcome.text || null,
          tool_calls: outcome.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
        });
        for (const call of outcome.toolCalls) {
          if (!config.tools.some((t) => t.name === call.name))
            return failed(`The model called an unknown tool "${call.name.slice(0, 64)}".`);
          const args = parseArguments(call.arguments);
          if (!args) return failed(`The model called ${call.name} with arguments that are not a JSON object.`);
          const answer = await callSiteTool(
            {
              url: config.toolsUrl,
              secret: deps.siteSecret,
              siteId: input.siteId,
              conversationId: input.conversationId,
              timeoutMs: config.toolTimeoutMs,
              fetch: doFetch,
              now,
              ...(signal ? { signal } : {}),
            },
            call.name,
            args,
          );
          if ('error' in answer) return failed(answer.error);
          messages.push({ role: 'tool', tool_call_id: call.id, content: answer.result });
        }
      }
      return failed(`The model kept calling tools for ${MAX_TOOL_ROUNDS} rounds without answering.`);
    },
  };
}

function parseArguments(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text || '{}') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
