// Every key the widget writes, in one place: reviewers of the privacy promise read only this file.
// Nothing is written before the visitor opens the chat or the page calls the API.
export const storageKeys = {
  /** JSON {token}: who the visitor is, so a reload or a second tab continues the same conversation. */
  visitor: (siteKey: string) => `baton:${siteKey}:visitor`,
  /** JSON OutboxEntry[]: messages typed while offline, so a reload does not lose them. */
  outbox: (siteKey: string) => `baton:${siteKey}:outbox`,
  /** JSON LauncherHints: the launcher's colour, label and whether to resume in the background. */
  launcher: (siteKey: string) => `baton:${siteKey}:launcher`,
  /** "on" | "off": the visitor's choice of a tone when a person replies in a hidden tab; written only when they toggle it. */
  sound: 'baton:sound',
};

export interface LauncherHints {
  accentColor: string;
  launcherLabel: string;
  position: 'bottom-right' | 'bottom-left';
  /** The site's "we're back {time}" sentence in the visitor's language. */
  backAt: string;
  /** A conversation is open or messages wait to be sent: reconnect on the next page without a click. */
  resume: boolean;
}

/** localStorage, or null where it is blocked (Safari private mode, sandboxed iframes, disabled cookies). */
export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readJson(storage: Storage | null, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function writeJson(storage: Storage | null, key: string, value: unknown): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the widget keeps working from memory for this page.
  }
}
