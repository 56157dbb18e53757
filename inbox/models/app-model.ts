import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { OperatorEvent } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import type { Notifier } from '../browser-notifier';
import type { ConnectionStatus, OperatorConnection } from '../operator-socket';
import { isListSection, type Route, type Section } from '../route';
import type { Shortcut } from '../shortcuts';
import { createAlertsModel } from './alerts-model';
import { createCallbacksModel } from './callbacks-model';
import { createConversationModel } from './conversation-model';
import { createDirectoryModel } from './directory-model';
import { createInboxModel } from './inbox-model';
import { createSessionModel } from './session-model';
import { routeConnectionStatus, routeEvent } from './live-events';
import { createSavedRepliesModel } from './saved-replies';
import { createSettingsModel } from './settings-model';
import { createVisitorDataModel } from './visitor-data-model';

export interface AppDeps {
  api: InboxApi;
  socket: OperatorConnection;
  notifier: Notifier;
  now: ReadonlySignal<number>;
  newId(): string;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const SHORTCUTS_KEY = 'baton.inbox.singleKeyShortcuts';

/** Builds every model of the inbox page and routes socket events to them. */
export function createAppModel(deps: AppDeps) {
  const { api, socket, now } = deps;
  const session = createSessionModel(api);
  const directory = createDirectoryModel(api);
  const inbox = createInboxModel(api, session.meId);
  const callbacks = createCallbacksModel(api, now);
  const conversation = createConversationModel({
    api,
    socket,
    meId: session.meId,
    isAdmin: session.isAdmin,
    onChanged: (c) => {
      alerts.settle(c, session.meId.peek());
      inbox.applyUpdate(c);
    },
    newId: deps.newId,
    now: () => Date.now(),
  });
  const settings = createSettingsModel(api, directory);
  const savedReplies = createSavedRepliesModel(api);
  const visitorData = createVisitorDataModel(api, () => void conversation.reloadAfresh());
  const section = signal<Section>('awaiting');
  const alerts = createAlertsModel(deps.notifier, (id) =>
    navigate({ section: section.peek() === 'settings' ? 'awaiting' : section.peek(), conversationId: id }),
  );
  const connection = signal<ConnectionStatus>('idle');
  const singleKeyShortcuts = signal(deps.storage?.getItem(SHORTCUTS_KEY) !== 'off');
  const route = computed<Route>(() => ({ section: section.value, conversationId: conversation.openId.value }));
  const counts = computed(() => ({
    ...inbox.counts.value,
    callbacks: callbacks.loaded.value ? callbacks.pending.value : inbox.counts.value.callbacks,
  }));
  let running = false;

  const listIds = computed(() =>
    section.value === 'callbacks'
      ? [...new Set(callbacks.sorted.value.map((c) => c.conversationId))]
      : inbox.visible.value.map((c) => c.conversationId),
  );
  function openFirstSiteSettings() {
    const first = directory.sites.peek()[0];
    if (!settings.siteId.peek() && first) void settings.open(first.siteId);
  }

  function navigate(next: Route) {
    section.value = next.section;
    if (isListSection(next.section)) inbox.setView(next.section, running);
    if (next.section === 'settings' && running) openFirstSiteSettings();
    conversation.open(next.section === 'settings' ? null : next.conversationId, running);
  }

  function moveSelection(step: 1 | -1) {
    if (section.peek() === 'settings') return;
    const ids = listIds.peek();
    if (ids.length === 0) return;
    const index = ids.indexOf(conversation.openId.peek() ?? '');
    const target = index < 0 ? (step > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, index + step));
    const id = ids[target];
    if (id) navigate({ section: section.peek(), conversationId: id });
  }

  function resync() {
    void inbox.reload(true);
    void callbacks.load();
    conversation.reload();
  }

  const targets = { session, inbox, conversation, callbacks, directory, alerts, resync };
  const dispatch = (event: OperatorEvent) => routeEvent(event, targets);
  socket.onEvent(dispatch);
  socket.onStatus((status, reason) => {
    connection.value = status;
    routeConnectionStatus(status, reason, targets);
  });

  session.status.subscribe((status) => {
    if (status === 'signed_in' && !running) {
      running = true;
      socket.connect();
      void inbox.reload();
      void callbacks.load();
      void directory.load().then(() => {
        if (section.peek() === 'settings') openFirstSiteSettings();
      });
      conversation.reload();
    } else if (status !== 'signed_in' && running) {
      running = false;
      socket.disconnect();
      inbox.reset();
      callbacks.reset();
      directory.reset();
      conversation.open(null);
    }
  });

  // Transfer targets for the open conversation's site.
  const openSiteId = computed(() => conversation.summary.value?.siteId ?? null);
  openSiteId.subscribe((siteId) => {
    if (siteId && !directory.operatorsBySite.peek()[siteId]) void directory.loadOperators(siteId);
  });

  return {
    /** For a view loaded on demand (Insights) that keeps its own model. */
    api,
    session,
    directory,
    inbox,
    callbacks,
    conversation,
    settings,
    savedReplies,
    visitorData,
    alerts,
    section,
    route,
    counts,
    listIds,
    connection,
    singleKeyShortcuts,
    now,
    navigate,
    dispatch,
    setSingleKeyShortcuts(enabled: boolean) {
      singleKeyShortcuts.value = enabled;
      deps.storage?.setItem(SHORTCUTS_KEY, enabled ? 'on' : 'off');
    },
    moveSelection,
    runShortcut(shortcut: Shortcut) {
      switch (shortcut) {
        case 'next':
          return moveSelection(1);
        case 'previous':
          return moveSelection(-1);
        case 'claim':
          return conversation.allowed.peek().claim ? void conversation.claim() : undefined;
        case 'focus_reply':
          return conversation.composer.focus();
        case 'send':
          return void conversation.composer.send();
      }
    },
  };
}

export type AppModel = ReturnType<typeof createAppModel>;
