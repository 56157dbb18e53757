import { type WidgetLocale, widgetLocales } from '../../shared/widget-locales';

/** A choice among the widget's languages; the label is the caller's (`for={id}`). */
export function LocaleSelect({ id, value, onChange }: { id: string; value: WidgetLocale; onChange: (locale: WidgetLocale) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as WidgetLocale)}>
      {widgetLocales.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </select>
  );
}
