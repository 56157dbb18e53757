import { signal } from '@preact/signals';
import type { TestQuestionResponse } from '../../shared/http';
import type { WidgetLocale } from '../../shared/widget-locales';
import type { InboxApi } from '../api-client';

/** The AI agent's write-only API key and the knowledge base's "test a question", saved apart from the config. */
export function createBotPanelModel(api: InboxApi) {
  const siteId = signal<string | null>(null);
  const keySet = signal<boolean | null>(null);
  const busy = signal<'key' | 'test' | null>(null);
  const message = signal<string | null>(null);
  const failed = signal(false);
  const result = signal<TestQuestionResponse | null>(null);
  let token = 0;

  function say(text: string | null, isFailure = false) {
    message.value = text;
    failed.value = isFailure;
  }

  return {
    keySet,
    busy,
    message,
    failed,
    result,
    async reset(next: string | null) {
      const mine = ++token;
      siteId.value = next;
      keySet.value = null;
      result.value = null;
      busy.value = null;
      say(null);
      if (!next) return;
      const status = await api.botApiKey(next);
      if (mine === token && status.ok) keySet.value = status.value.set;
    },
    /** null removes the key. The key leaves the page with the request and is never shown again. */
    async saveKey(apiKey: string | null): Promise<boolean> {
      const id = siteId.peek();
      if (!id || busy.peek()) return false;
      const mine = ++token;
      busy.value = 'key';
      say(null);
      const answer = await api.setBotApiKey(id, apiKey);
      if (mine !== token) return false;
      busy.value = null;
      if (!answer.ok) {
        say(`Could not save the API key: ${answer.error.message}`, true);
        return false;
      }
      keySet.value = answer.value.set;
      say(answer.value.set ? 'API key saved. It is stored encrypted and never shown again.' : 'API key removed.');
      return true;
    },
    async test(question: string, locale: WidgetLocale) {
      const id = siteId.peek();
      if (!id || busy.peek() || !question.trim()) return;
      const mine = ++token;
      busy.value = 'test';
      say(null);
      const answer = await api.testQuestion(id, { question: question.trim(), locale });
      if (mine !== token) return;
      busy.value = null;
      if (answer.ok) result.value = answer.value;
      else say(`Could not test the question: ${answer.error.message}`, true);
    },
  };
}

export type BotPanelModel = ReturnType<typeof createBotPanelModel>;
