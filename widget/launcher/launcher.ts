import type { Identity } from '../../shared/entities';
import type { ChatController } from './baton-api';
import { accentPair, defaultAccent } from './contrast';
import type { BatonEventName, MountPanel, PanelHandle } from '../embed-contract';
import { backAtTemplates, decideLauncher, fetchAvailability } from './launcher-availability';
import { launcherCss } from './launcher-styles';
import { preferredLocaleTag } from '../../shared/widget-locales';
import { addStyles } from '../shadow-styles';
import { type LauncherHints, localStorageOrNull, readJson, storageKeys, writeJson } from '../storage-keys';

// The launcher's own label before the server's strings arrive; must match launcherLabel in
// shared/visitor-strings.ts (a test checks), duplicated because importing that file here would
// put every sentence of every language into widget.js.
export const launcherLabels: Record<string, string> = {
  en: 'Open chat',
  es: 'Abrir chat',
  fr: 'Ouvrir le chat',
  de: 'Chat öffnen',
  pt: 'Abrir chat',
};

const svgNs = 'http://www.w3.org/2000/svg';
// Built with DOM calls, not innerHTML, so pages enforcing Trusted Types accept it.
function icon(className: string, path: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const p = document.createElementNS(svgNs, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

function span(className: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  return el;
}

export interface Launcher extends ChatController {
  dispose(): void;
}

/** The button on the page, and the panel behind it loaded on first use. No framework: it is in every page view. */
export function createLauncher(
  host: HTMLElement,
  siteKey: string,
  scriptOrigin: string,
  emit: (name: BatonEventName, detail?: unknown) => void,
): Launcher {
  const storage = localStorageOrNull();
  const hintsKey = storageKeys.launcher(siteKey);
  const hints = readJson(storage, hintsKey) as Partial<LauncherHints> | null;
  const locale = preferredLocaleTag(host.getAttribute('locale'), navigator.languages);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  addStyles(root, launcherCss);
  const theme = addStyles(root, '');

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'l';
  button.setAttribute('aria-expanded', 'false');
  const label = span('sr');
  const badge = span('b');
  const note = span('n');
  note.id = 'baton-back-at';
  // The visible count is decoration; the label carries it for assistive technology.
  badge.setAttribute('aria-hidden', 'true');
  let baseLabel = '';
  button.append(icon('o', 'M4 5h16v11H9l-5 4z'), icon('x', 'M6 6l12 12M18 6L6 18'), label, badge);
  root.append(button, note);

  function applyLook(look: Partial<LauncherHints>) {
    const { accent, onAccent } = accentPair(look.accentColor ?? defaultAccent);
    theme.replace(`:host{--a:${accent};--on-a:${onAccent}}`);
    baseLabel = look.launcherLabel || launcherLabels[locale.slice(0, 2).toLowerCase()] || 'Open chat';
    label.textContent = baseLabel;
    // The page's own attribute wins over the site setting.
    const side = host.getAttribute('position') || look.position || '';
    host.setAttribute('data-side', side.endsWith('left') ? 'left' : 'right');
  }
  applyLook(hints ?? {});

  const showUnread = (count: number) => {
    badge.textContent = count ? String(count) : '';
    label.textContent = count ? `${baseLabel} (${count})` : baseLabel;
  };

  let handle: PanelHandle | null = null;
  let loading: Promise<PanelHandle | null> | null = null;
  let identity: Identity | null = null;
  const panel = () =>
    (loading ??= import(/* @vite-ignore */ `${scriptOrigin}/${__BATON_PANEL_FILE__}`).then(
      ({ mount }: { mount: MountPanel }) => {
        handle = mount(root, {
          siteKey,
          scriptOrigin,
          locale,
          emit,
          onOpenChange(open) {
            button.setAttribute('aria-expanded', String(open));
            host.toggleAttribute('data-expanded', open);
            // Opened anyway (page API): the visitor is in, so the launcher stays from now on.
            if (open) host.removeAttribute('data-unavailable');
          },
          onUnread: showUnread,
          focusLauncher: () => button.focus(),
          applyLook(next) {
            applyLook(next);
            writeJson(storage, hintsKey, next);
          },
        });
        button.setAttribute('aria-controls', 'baton-panel');
        if (identity) handle.identify(identity);
        return handle;
      },
      (error: unknown) => {
        loading = null;
        console.warn('[baton] could not load the chat panel', error);
        return null;
      },
    ));
  const open = (focus: boolean) => void panel().then((h) => h?.open(focus));

  button.addEventListener('click', () => (handle?.isOpen() ? handle.close() : open(true)));
  void fetchAvailability(scriptOrigin, siteKey).then((availability) => {
    const lang = locale.slice(0, 2).toLowerCase();
    const template = hints?.backAt || backAtTemplates[lang] || (backAtTemplates.en as string);
    const state = decideLauncher(availability, handle !== null || !!hints?.resume, template, locale);
    host.toggleAttribute('data-unavailable', state.kind === 'hidden');
    note.textContent = state.kind === 'back_at' ? state.text : '';
    if (state.kind === 'back_at') button.setAttribute('aria-describedby', note.id);
  });
  const openAttr = host.getAttribute('open');
  if (openAttr !== null && openAttr !== 'false') open(false);
  // Only a visitor who already chatted has hints or an outbox; reconnect them without a click so a
  // reply or a queued message is not stuck until they open the launcher again.
  else if (hints?.resume || storage?.getItem(storageKeys.outbox(siteKey))) setTimeout(panel, 1500);

  const api: Launcher = {
    open,
    close: () => handle?.close(),
    identify(next) {
      // Another person signs in on this browser: nothing of the previous one's chat stays, even what
      // the server has not confirmed yet (their identify may never have been sent).
      if (identity && identity.id !== next.id) {
        const wasOpen = handle?.isOpen();
        api.reset();
        if (wasOpen) open(false);
      }
      identity = next;
      handle?.identify(next);
    },
    reset() {
      identity = null;
      // close() puts the launcher back (onOpenChange); dispose() closes the socket and removes the
      // panel's DOM; the next open mounts a fresh panel, which finds no token: a new visitor.
      handle?.close();
      handle?.dispose();
      handle = loading = null;
      showUnread(0);
      for (const key of [storageKeys.visitor(siteKey), storageKeys.outbox(siteKey), hintsKey]) writeJson(storage, key, null);
    },
    dispose() {
      handle?.dispose();
      root.replaceChildren();
      root.adoptedStyleSheets = [];
    },
  };
  return api;
}
