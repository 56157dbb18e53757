import { effect } from '@preact/signals';
import { render } from 'preact';
import { createApiClient } from './api-client';
import { createBrowserNotifier } from './browser-notifier';
import { AcceptInvitePage } from './components/AcceptInvitePage';
import { App } from './components/App';
import { createInviteModel, inviteTokenOf } from './models/invite-model';
import { AppContext } from './components/app-context';
import { createAppModel } from './models/app-model';
import { createTickingNow } from './models/ticking-now';
import { createOperatorSocket } from './operator-socket';
import { formatRoute, parseRoute } from './route';
import { shortcutFor } from './shortcuts';
import { leaveQuestion } from './models/settings-sections';
import './inbox.css';
import * as z from 'zod/mini';

// zod/mini ships no messages by default: without this every settings issue reads "Invalid input".
z.config(z.locales.en());

// randomUUID exists only in secure contexts; an inbox opened over plain http on a LAN still needs ids.
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function storage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// The signed-in inbox ends its session on a 401; the invite page has none to end.
let onUnauthenticated = () => {};
const api = createApiClient({ onUnauthenticated: () => onUnauthenticated() });
const root = document.getElementById('app');
if (!root) throw new Error('index.html lacks #app');
root.textContent = '';
// An invite link opens its own page: no session, no socket, no routes.
const inviteToken = inviteTokenOf(location.hash);
if (inviteToken) {
  const invite = createInviteModel(api, inviteToken);
  void invite.load();
  render(<AcceptInvitePage model={invite} />, root);
} else {
  startInbox(root);
}

function startInbox(root: HTMLElement) {
  const app = createAppModel({
    api,
    socket: createOperatorSocket({ wsOrigin: location.origin.replace(/^http/, 'ws') }),
    notifier: createBrowserNotifier(),
    now: createTickingNow().now,
    newId,
    storage: storage(),
  });
  onUnauthenticated = () => app.session.expire();

  // The hash is the route: links push history entries; model-driven moves (j/k, notifications) replace.
  app.navigate(parseRoute(location.hash));
  window.addEventListener('hashchange', () => {
    const next = parseRoute(location.hash);
    // Unsaved settings are not lost by a click on another view: asked first, and kept unless dropped.
    const leaving = app.section.peek() === 'settings' && next.section !== 'settings' && app.settings.dirty.peek();
    if (leaving && !window.confirm(leaveQuestion(app.settings.edited.peek(), app.settings.jsonDirty.peek()))) {
      history.replaceState(null, '', formatRoute(app.route.peek()));
      return;
    }
    app.navigate(next);
  });
  // Closing or reloading the tab with unsaved settings: the browser asks.
  window.addEventListener('beforeunload', (event) => {
    if (app.settings.dirty.peek()) event.preventDefault();
  });
  effect(() => {
    const hash = formatRoute(app.route.value);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  });

  document.addEventListener('keydown', (event) => {
    if (app.session.status.peek() !== 'signed_in' || event.defaultPrevented) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const inEditable = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const shortcut = shortcutFor(
      {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inEditable,
        inComposer: target?.id === 'composer',
      },
      app.singleKeyShortcuts.peek(),
    );
    if (!shortcut) return;
    event.preventDefault();
    app.runShortcut(shortcut);
  });

  void app.session.restore();

  render(
    <AppContext.Provider value={app}>
      <App />
    </AppContext.Provider>,
    root,
  );
}
