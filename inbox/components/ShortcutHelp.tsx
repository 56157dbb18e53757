import { useApp } from './app-context';

export function ShortcutHelp() {
  const app = useApp();
  const on = app.singleKeyShortcuts.value;
  return (
    <footer class="shortcuts">
      <p id="shortcut-help">
        Shortcuts: <kbd>j</kbd> / <kbd>k</kbd> next / previous conversation · <kbd>c</kbd> claim · <kbd>r</kbd> focus the reply ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>Cmd</kbd>+<kbd>Enter</kbd> on Mac) send.
      </p>
      <label class="check">
        <input type="checkbox" checked={on} onChange={(e) => app.setSingleKeyShortcuts(e.currentTarget.checked)} />
        Single-key shortcuts (j, k, c, r)
      </label>
    </footer>
  );
}
