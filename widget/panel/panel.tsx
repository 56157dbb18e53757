import { effect } from '@preact/signals-core';
import { render } from 'preact';
import { widgetLocaleOf } from '../../shared/widget-locales';
import { createChatModel } from '../model/chat-model';
import { browserClock } from '../../frontend-common/clock';
import { App } from './components/App';
import { createSocketConnection, socketUrl } from '../connection/connection';
import { fallbackStrings } from './fallback-strings';
import type { MountPanel } from '../embed-contract';
import { panelCss } from './panel-styles';
import { addStyles } from '../shadow-styles';
import { localStorageOrNull } from '../storage-keys';
import { createVisitorStore } from '../model/visitor-storage';
import { createFileTransport } from './file-transport';
import { createReplyAlert } from './reply-alert';

function newId(): string {
  // getRandomValues works on plain-http pages too, unlike randomUUID.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Entry of widget-panel.js: the launcher imports it on first open and calls mount once. */
export const mount: MountPanel = (root, options) => {
  addStyles(root, panelCss);
  const container = document.createElement('div');
  root.append(container);
  // Key events are composed: without this, typing in the chat would reach the host page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (event) => event.stopPropagation());

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const store = createVisitorStore(options.siteKey, localStorageOrNull(), window);
  const connection = createSocketConnection({
    url: () => socketUrl(options.scriptOrigin, options.siteKey, store.token()),
    onTokenRejected: () => store.dropToken(),
  });
  const alert = createReplyAlert(localStorageOrNull());
  const model = createChatModel({
    files: createFileTransport(options.scriptOrigin, options.siteKey, store.token),
    onPersonReply: alert.personReplied,
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
      return widgetLocaleOf(options.locale) === model.locale.value ? options.locale : model.locale.value;
    },
    timeZone,
  };

  const stops = [
    effect(() => options.onOpenChange(model.isOpen.value)),
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

  // One effect renders the whole panel: it tracks every signal the components read, and any
  // change renders again, synchronously (Preact diffs; the tree is small). This replaces
  // @preact/signals' Preact integration, which with the preact/hooks it needs costs ~2 KB of the
  // widget's 20 KB budget. So components read `.value` while rendering, never render a signal
  // itself as a child, never write to a signal while rendering, and use no hooks.
  let shown = { count: 0, open: false };
  stops.push(
    effect(() => {
      const open = model.isOpen.value;
      const count = model.messages.value.length + model.pending.value.length;
      // However it closed (button, Escape, API), focus left inside would vanish with the panel:
      // hand it to the launcher before this render hides it.
      if (!open && container.contains(root.activeElement)) options.focusLauncher();
      render(<App model={model} where={where} alert={alert} />, container);
      // Follow new messages unless the visitor scrolled up to read; a hidden panel loses its
      // scroll position, so opening it always shows the latest.
      const log = container.querySelector('[role=log]');
      const nearEnd = log && log.scrollHeight - log.scrollTop - log.clientHeight < 160;
      if (log && open && (!shown.open || (count !== shown.count && nearEnd))) log.scrollTop = log.scrollHeight;
      shown = { count, open };
    }),
  );
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
      alert.dispose();
      render(null, container);
      container.remove();
    },
  };
};
