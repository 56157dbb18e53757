import { useState } from 'preact/hooks';
import type { KnowledgeBaseEntry } from '../../shared/config/bot';
import { type WidgetLocale, widgetLocales } from '../../shared/widget-locales';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

const languageNames: Record<WidgetLocale, string> = { en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese' };
const toList = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * Articles per language: visitors are answered from their language's articles first, then from
 * English (and told so). Translations of one article share its id, and so its intent.
 */
export function KnowledgeBaseForm() {
  const { settings } = useApp();
  const [locale, setLocale] = useState<WidgetLocale>('en');
  const bot = settings.draft.value?.bot;
  if (!bot || bot.kind === 'webhook') return null;
  const articles = bot.entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.locale === locale);
  const edit = (index: number, change: (e: KnowledgeBaseEntry) => void) =>
    settings.update((d) => {
      if (d.bot.kind !== 'webhook' && d.bot.entries[index]) change(d.bot.entries[index]);
    });
  const add = () =>
    settings.update((d) => {
      if (d.bot.kind === 'webhook') return;
      const taken = new Set(d.bot.entries.filter((e) => e.locale === locale).map((e) => e.id));
      let n = taken.size + 1;
      while (taken.has(`article_${n}`)) n++;
      d.bot.entries.push({ id: `article_${n}`, locale, question: '', answer: '' });
    });
  const remove = (index: number) =>
    settings.update((d) => {
      if (d.bot.kind !== 'webhook') d.bot.entries.splice(index, 1);
    });
  return (
    <fieldset>
      <legend>Knowledge base</legend>
      <div class="field inline">
        <label for="kb-locale">Articles in</label>
        <select id="kb-locale" value={locale} onChange={(e) => setLocale(e.currentTarget.value as WidgetLocale)}>
          {widgetLocales.map((l) => (
            <option key={l} value={l}>
              {languageNames[l]} ({bot.entries.filter((e) => e.locale === l).length})
            </option>
          ))}
        </select>
      </div>
      <p class="muted">
        {locale === 'en'
          ? 'English articles also answer visitors whose language has no matching article (they are told the answer is in English).'
          : `Visitors who write in ${languageNames[locale]} are answered from these first, then from the English ones.`}
      </p>
      <FieldIssues path="bot.entries" exact />
      <ul class="plain-list" aria-label={`${languageNames[locale]} articles`}>
        {articles.map(({ entry, index }) => (
          <li key={`${locale}-${index}`}>
            <ArticleFields entry={entry} index={index} edit={(change) => edit(index, change)} remove={() => remove(index)} />
          </li>
        ))}
      </ul>
      <button type="button" onClick={add}>
        Add a {languageNames[locale]} article
      </button>
    </fieldset>
  );
}

function ArticleFields({
  entry,
  index,
  edit,
  remove,
}: {
  entry: KnowledgeBaseEntry;
  index: number;
  edit(change: (e: KnowledgeBaseEntry) => void): void;
  remove(): void;
}) {
  const base = `bot.entries.${index}`;
  const id = `kb-${index}`;
  const questionProps = useIssueProps(`${base}.question`);
  const answerProps = useIssueProps(`${base}.answer`);
  const idProps = useIssueProps(`${base}.id`);
  const name = entry.question || entry.id;
  return (
    <fieldset class="plain">
      <legend>{name}</legend>
      <div class="field">
        <label for={`${id}-question`}>Question</label>
        <input
          id={`${id}-question`}
          type="text"
          value={entry.question}
          {...questionProps}
          onChange={(e) =>
            edit((a) => {
              a.question = e.currentTarget.value;
            })
          }
        />
        <FieldIssues path={`${base}.question`} />
      </div>
      <div class="field">
        <label for={`${id}-answer`}>Answer</label>
        <textarea
          id={`${id}-answer`}
          rows={3}
          value={entry.answer}
          {...answerProps}
          onChange={(e) =>
            edit((a) => {
              a.answer = e.currentTarget.value;
            })
          }
        />
        <FieldIssues path={`${base}.answer`} />
      </div>
      <div class="field">
        <label for={`${id}-keywords`}>Other words visitors use (comma separated)</label>
        <input
          id={`${id}-keywords`}
          type="text"
          value={(entry.keywords ?? []).join(', ')}
          onChange={(e) =>
            edit((a) => {
              a.keywords = toList(e.currentTarget.value);
            })
          }
        />
      </div>
      <div class="field inline">
        <label for={`${id}-id`}>Article id (the same in every language)</label>
        <input
          id={`${id}-id`}
          type="text"
          class="mono"
          value={entry.id}
          {...idProps}
          onChange={(e) =>
            edit((a) => {
              a.id = e.currentTarget.value.trim();
            })
          }
        />
        <FieldIssues path={`${base}.id`} />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={entry.answerFrom === 'site_hours'}
          onChange={(e) =>
            edit((a) => {
              if (e.currentTarget.checked) a.answerFrom = 'site_hours';
              else delete a.answerFrom;
            })
          }
        />
        Answer with the opening hours above, in the visitor's language and time zone
      </label>
      <div class="action-row">
        <button type="button" class="danger" onClick={remove} aria-label={`Delete article ${name}`}>
          Delete
        </button>
      </div>
    </fieldset>
  );
}
