import { useState } from 'preact/hooks';
import type { WidgetLocale } from '../../shared/widget-locales';
import { LocaleSelect } from './LocaleSelect';
import { useApp } from './app-context';

/** Saved on their own: the AI agent's write-only API key, and testing a question against the saved articles. */
export function BotPanel() {
  const { settings } = useApp();
  const bot = settings.bot;
  const [key, setKey] = useState('');
  const [question, setQuestion] = useState('');
  const [locale, setLocale] = useState<WidgetLocale>('en');
  const busy = bot.busy.value !== null;
  const result = bot.result.value;
  return (
    <section class="settings-panel" aria-labelledby="bot-panel-title">
      <h3 id="bot-panel-title">Bot: API key and test a question</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void bot.saveKey(key).then((saved) => saved && setKey(''));
        }}
      >
        <p class="muted">
          {bot.keySet.value === null ? '' : bot.keySet.value ? 'The AI agent has an API key.' : 'The AI agent has no API key yet.'} The key
          is stored encrypted and never shown again.
        </p>
        <div class="field">
          <label for="bot-api-key">AI agent API key</label>
          <input id="bot-api-key" type="password" autocomplete="off" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        </div>
        <div class="action-row">
          <button type="submit" disabled={busy || key.trim() === ''}>
            Save API key
          </button>
          <button type="button" disabled={busy || bot.keySet.value !== true} onClick={() => void bot.saveKey(null)}>
            Remove API key
          </button>
        </div>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void bot.test(question, locale);
        }}
      >
        <p class="muted">Tests the saved articles: save your edits first.</p>
        <div class="field">
          <label for="bot-test-question">Question to test</label>
          <input id="bot-test-question" type="text" value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        </div>
        <div class="field inline">
          <label for="bot-test-locale">Asked in</label>
          <LocaleSelect id="bot-test-locale" value={locale} onChange={setLocale} />
        </div>
        <button type="submit" disabled={busy || question.trim() === ''}>
          Test question
        </button>
      </form>
      <div role="status">
        {result ? (
          <p>
            {result.article
              ? `Answered by “${result.article.question}” (${result.article.locale}, id ${result.article.id}) with confidence ${result.confidence.toFixed(2)} (threshold ${result.threshold}).`
              : `No article answers it: the fallback reply goes out (best confidence ${result.confidence.toFixed(2)}, threshold ${result.threshold}${result.heldBack ? ', a near miss held back' : ''}).`}{' '}
            Reply: “{result.reply}”
          </p>
        ) : null}
        <p class={bot.failed.value ? 'error' : 'muted'}>{bot.message.value}</p>
      </div>
    </section>
  );
}
