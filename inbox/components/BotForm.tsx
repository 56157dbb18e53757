import { type BotConfig, OpenAiBotConfig } from '../../shared/config/bot';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

type Kind = BotConfig['kind'];
type AgentConfig = Extract<BotConfig, { kind: 'openai' }>;

/** Which bot answers first: the built-in knowledge base, the site's webhook, or an AI agent on an OpenAI-compatible endpoint. */
export function BotForm() {
  const { settings } = useApp();
  const bot = settings.draft.value?.bot;
  if (!bot) return null;
  const switchTo = (kind: Kind) =>
    settings.update((d) => {
      const entries = d.bot.kind === 'webhook' ? undefined : d.bot.entries;
      // Starting values an admin edits; an OpenAI-compatible server of their own replaces the URL and model.
      if (kind === 'openai')
        d.bot = OpenAiBotConfig.parse({
          kind,
          baseUrl: 'https://api.openai.com/v1',
          model: 'gpt-4o-mini',
          ...(entries ? { entries } : {}),
        });
      else if (kind === 'knowledge_base')
        d.bot = {
          kind,
          entries: entries ?? [],
          fallbackReply: "I'm not sure I have the right answer to that. Would you like to talk to a person from our team?",
          confidenceThreshold: 0.5,
        };
      else d.bot = { kind, url: 'https://example.com/baton-bot', timeoutMs: 4000 };
    });
  return (
    <fieldset>
      <legend>Bot</legend>
      <div class="field inline">
        <label for="bot-kind">The bot that answers first</label>
        <select id="bot-kind" value={bot.kind} onChange={(e) => switchTo(e.currentTarget.value as Kind)}>
          <option value="knowledge_base">Built-in knowledge base</option>
          <option value="openai">AI agent (OpenAI-compatible endpoint)</option>
          <option value="webhook">Your own bot (webhook)</option>
        </select>
      </div>
      {bot.kind === 'openai' ? <AgentFields bot={bot} /> : null}
      {bot.kind === 'webhook' ? (
        <TextField
          path="bot.url"
          label="Bot webhook URL"
          value={bot.url}
          onCommit={(v) =>
            settings.update((d) => {
              if (d.bot.kind === 'webhook') d.bot.url = v;
            })
          }
        />
      ) : null}
    </fieldset>
  );
}

function AgentFields({ bot }: { bot: AgentConfig }) {
  const { settings } = useApp();
  const edit = (change: (b: AgentConfig) => void) =>
    settings.update((d) => {
      if (d.bot.kind === 'openai') change(d.bot);
    });
  const instructionsProps = useIssueProps('bot.instructions');
  return (
    <>
      <p class="muted">
        OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio… It answers from your knowledge base and the opening hours above, hands off through a
        hand_off tool, and any failure brings in a person. Set the API key below the form; it is stored encrypted and never shown again.
      </p>
      <TextField
        path="bot.baseUrl"
        label="Endpoint base URL"
        value={bot.baseUrl}
        onCommit={(v) =>
          edit((b) => {
            b.baseUrl = v;
          })
        }
      />
      <TextField
        path="bot.model"
        label="Model"
        value={bot.model}
        onCommit={(v) =>
          edit((b) => {
            b.model = v;
          })
        }
      />
      <div class="field inline">
        <label for="bot-auth">Key header</label>
        <select
          id="bot-auth"
          value={bot.auth}
          onChange={(e) =>
            edit((b) => {
              b.auth = e.currentTarget.value as AgentConfig['auth'];
            })
          }
        >
          <option value="bearer">Authorization: Bearer (OpenAI, Ollama, vLLM, LM Studio)</option>
          <option value="api-key">api-key (Azure OpenAI)</option>
        </select>
      </div>
      <div class="field">
        <label for="bot-instructions">Instructions (tone and scope)</label>
        <textarea
          id="bot-instructions"
          rows={4}
          value={bot.instructions}
          {...instructionsProps}
          onChange={(e) =>
            edit((b) => {
              b.instructions = e.currentTarget.value;
            })
          }
        />
        <FieldIssues path="bot.instructions" />
      </div>
      <NumberField
        path="bot.temperature"
        label="Temperature (0 to 2)"
        step="0.1"
        value={bot.temperature}
        onCommit={(n) =>
          edit((b) => {
            b.temperature = n;
          })
        }
      />
      <NumberField
        path="bot.maxTokens"
        label="Longest answer (tokens)"
        value={bot.maxTokens}
        onCommit={(n) =>
          edit((b) => {
            b.maxTokens = n;
          })
        }
      />
      <NumberField
        path="bot.budget.requestsPerDay"
        label="Requests per day"
        value={bot.budget.requestsPerDay}
        onCommit={(n) =>
          edit((b) => {
            b.budget.requestsPerDay = n;
          })
        }
      />
      <NumberField
        path="bot.budget.tokensPerDay"
        label="Tokens per day"
        value={bot.budget.tokensPerDay}
        onCommit={(n) =>
          edit((b) => {
            b.budget.tokensPerDay = n;
          })
        }
      />
    </>
  );
}

function TextField({ path, label, value, onCommit }: { path: string; label: string; value: string; onCommit(v: string): void }) {
  const props = useIssueProps(path);
  const id = path.replace(/\W/g, '-');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" value={value} {...props} onChange={(e) => onCommit(e.currentTarget.value.trim())} />
      <FieldIssues path={path} />
    </div>
  );
}

function NumberField({
  path,
  label,
  value,
  step,
  onCommit,
}: {
  path: string;
  label: string;
  value: number;
  step?: string;
  onCommit(n: number): void;
}) {
  const props = useIssueProps(path);
  const id = path.replace(/\W/g, '-');
  return (
    <div class="field inline">
      <label for={id}>{label}</label>
      <input id={id} type="number" step={step ?? '1'} value={value} {...props} onChange={(e) => onCommit(Number(e.currentTarget.value))} />
      <FieldIssues path={path} />
    </div>
  );
}
