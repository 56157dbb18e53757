import { useSignal } from '@preact/signals';
import { type VisitorMessageKey, VisitorMessageKey as Keys, type WidgetLocale } from '../../shared/visitor-messages';
import { LocaleSelect } from './LocaleSelect';
import { FieldIssues } from './FieldIssues';
import { useApp } from './app-context';

/** Overrides of the widget's sentences; an empty field keeps the built-in wording. */
export function MessagesForm() {
  const { settings } = useApp();
  const locale = useSignal<WidgetLocale>('en');
  const w = settings.draft.value?.widget;
  if (!w) return null;
  const overrides = w.messages[locale.value] ?? {};
  function set(key: VisitorMessageKey, text: string) {
    const lang = locale.peek();
    settings.update((d) => {
      const forLocale = { ...(d.widget.messages[lang] ?? {}) };
      if (text.trim()) forLocale[key] = text;
      else delete forLocale[key];
      d.widget.messages[lang] = forLocale;
    });
  }
  return (
    <fieldset>
      <legend>Visitor messages</legend>
      <div class="field inline">
        <label for="messages-locale">Language</label>
        <LocaleSelect id="messages-locale" value={locale.value} onChange={(l) => (locale.value = l)} />
      </div>
      <details>
        <summary>Override sentences ({Object.keys(overrides).length} set)</summary>
        <div class="grid-messages" key={locale.value}>
          {Keys.options.map((key) => (
            <div class="field" key={key}>
              <label for={`msg-${key}`}>{key}</label>
              <input
                id={`msg-${key}`}
                type="text"
                maxLength={500}
                placeholder="built-in wording"
                defaultValue={overrides[key] ?? ''}
                onChange={(e) => set(key, e.currentTarget.value)}
              />
              <FieldIssues path={`widget.messages.${locale.value}.${key}`} />
            </div>
          ))}
        </div>
      </details>
      <FieldIssues path="widget.messages" exact />
    </fieldset>
  );
}
