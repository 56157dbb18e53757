import type { WidgetConfig } from '../../shared/config/widget';
import { LocaleSelect } from './LocaleSelect';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

export function WidgetLookForm() {
  const { settings } = useApp();
  const colorProps = useIssueProps('widget.accentColor');
  const w = settings.draft.value?.widget;
  if (!w) return null;
  const set = <K extends keyof WidgetConfig>(key: K, value: WidgetConfig[K]) =>
    settings.update((d) => {
      d.widget[key] = value;
    });
  return (
    <fieldset>
      <legend>Widget look</legend>
      <div class="field inline">
        <label for="widget-accent">Accent color</label>
        <input
          id="widget-accent"
          type="color"
          value={w.accentColor}
          {...colorProps}
          onChange={(e) => set('accentColor', e.currentTarget.value)}
        />
        <code>{w.accentColor}</code>
        <FieldIssues path="widget.accentColor" />
      </div>
      <div class="field inline">
        <label for="widget-position">Position</label>
        <select
          id="widget-position"
          value={w.position}
          onChange={(e) => set('position', e.currentTarget.value as WidgetConfig['position'])}
        >
          <option value="bottom-right">Bottom right</option>
          <option value="bottom-left">Bottom left</option>
        </select>
        <label for="widget-locale">Default language</label>
        <LocaleSelect id="widget-locale" value={w.defaultLocale} onChange={(l) => set('defaultLocale', l)} />
      </div>
      <label class="check">
        <input type="checkbox" checked={w.operatorAvatars} onChange={(e) => set('operatorAvatars', e.currentTarget.checked)} />
        Show operator avatars to visitors
      </label>
      <div class="field inline">
        <label for="widget-unavailable">When nobody is available</label>
        <select
          id="widget-unavailable"
          value={w.whenUnavailable}
          onChange={(e) => set('whenUnavailable', e.currentTarget.value as WidgetConfig['whenUnavailable'])}
        >
          <option value="show_back_at">Keep the launcher and say when the team is back</option>
          <option value="hide_launcher">Hide the launcher</option>
        </select>
      </div>
      <FieldIssues path="widget.position" />
      <FieldIssues path="widget.defaultLocale" />
      <FieldIssues path="widget.operatorAvatars" />
      <FieldIssues path="widget.whenUnavailable" />
      <FieldIssues path="widget" exact />
    </fieldset>
  );
}
