import type { Identity } from '../shared/entities';
import type { LauncherHints } from './storage-keys';

// The seam between widget.js (launcher, classic script, no framework) and widget-panel.js
// (loaded on first open). Types only: nothing here may add bytes to the launcher.

export const batonEventNames = ['open', 'close', 'message', 'handoff', 'operatorJoined', 'resolved'] as const;
export type BatonEventName = (typeof batonEventNames)[number];

export interface PanelOptions {
  siteKey: string;
  /** Origin widget.js was served from; the socket and the panel live there, not on the host page. */
  scriptOrigin: string;
  /** data-locale, else the browser's language, the first the widget speaks (preferredLocaleTag; BCP 47). */
  locale: string;
  emit(name: BatonEventName, detail?: unknown): void;
  onOpenChange(open: boolean): void;
  onUnread(count: number): void;
  focusLauncher(): void;
  applyLook(hints: LauncherHints): void;
}

export interface PanelHandle {
  /** `focus` is false when the page opens the chat on load: focus stays where the visitor is. */
  open(focus: boolean): void;
  close(): void;
  isOpen(): boolean;
  identify(identity: Identity): void;
  dispose(): void;
}

export type MountPanel = (root: ShadowRoot, options: PanelOptions) => PanelHandle;
