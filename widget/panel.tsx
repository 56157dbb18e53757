import { effect } from '@preact/signals';
import { render } from 'preact';
import { pickWidgetLocale } from '../shared/widget-locales';
import { createChatModel } from './chat-model';
import { browserClock } from './clock';
import { App } from './components/App';
import { createSocketConnection, socketUrl } from './connection';
import { fallbackStrings } from './fallback-strings';
import type { MountPanel } from './embed-contract';
import { panelCss } from './panel-styles';
import { addStyles } from './shadow-styles';
import { localStorageOrNull } from './storage-keys';
import { createVisitorStore } from './visitor-storage';

function newId(): string {
  // getRandomValues works on plain-http pages too, unlike randomUUID.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Entry of widget-panel.js: the launcher imports it on first open and calls mount once. */
export const mount: MountPanel = (root, options) => {
  addStyles(root, panelCss);
  const container = document.createElement('div');
  root.append(container);

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const store = createVisitorStore(options.siteKey, localStorageOrNull(), window);
  const connection = createSocketConnection({
    url: () => socketUrl(options.scriptOrigin, options.siteKey, store.token()),
    onTokenRejected: () => store.dropToken(),
  });
  const model = createChatModel({
    connection,
    store,
    clock: browserClock,
    newId,
    // Everything the widget reads from the host page (privacy promise): URL, referrer, locale, zone.
    context: () => ({
      page: location.href.slice(0, 2048),
      referrer: document.referrer.slice(0, 2048) || undefined,
      locale: options.locale.slice(0, 35),
      timeZone,
    }),
    fallbackStrings,
    notify: options.emit,
  });
  // Dates in the visitor's own regional format when it matches the widget's language.
  const where = {
    get locale() {
      return pickWidgetLocale(options.locale) === model.locale.value ? options.locale : model.locale.value;
    },
    timeZone,
  };

  const stops = [
    effect(() => {
      const open = model.isOpen.value;
      options.onOpenChange(open);
      // However it closed (button, Escape, API), focus left inside would vanish with the panel:
      // this runs before the re-render hides it, so the launcher can take the focus back.
      if (!open && container.contains(root.activeElement)) options.focusLauncher();
    }),
    effect(() => options.onUnread(model.unread.value)),
    effect(() => {
      const ui = model.ui.value;
      if (!ui) return;
      options.applyLook({
        accentColor: ui.look.accentColor,
        position: ui.look.position,
        launcherLabel: ui.strings.launcherLabel,
        backAt: ui.strings.backAt,
        resume: model.resumable.value,
      });
    }),
  ];
  // Back online or back to the tab: try now instead of waiting out the backoff.
  const retryNow = () => {
    if (document.visibilityState === 'visible' && model.status.value.kind === 'waiting') connection.reconnectNow();
  };
  window.addEventListener('online', retryNow);
  document.addEventListener('visibilitychange', retryNow);

  render(<App model={model} where={where} />, container);
  model.start();

  const focusInput = () => setTimeout(() => root.getElementById('baton-message')?.focus(), 0);
  return {
    open(focus) {
      model.open();
      if (focus) focusInput();
    },
    close: model.close,
    isOpen: () => model.isOpen.value,
    identify: model.identify,
    dispose() {
      for (const stop of stops) stop();
      window.removeEventListener('online', retryNow);
      document.removeEventListener('visibilitychange', retryNow);
      model.dispose();
      render(null, container);
      container.remove();
    },
  };
};
