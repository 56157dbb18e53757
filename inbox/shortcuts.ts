export type Shortcut = 'next' | 'previous' | 'claim' | 'focus_reply' | 'send';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The key went to an input, textarea, select or contenteditable. */
  inEditable: boolean;
  /** The key went to the reply composer. */
  inComposer: boolean;
}

/**
 * Single-letter shortcuts fire only outside form fields and can be switched
 * off (WCAG 2.1.4); Ctrl/Cmd+Enter sends only from the composer.
 */
export function shortcutFor(input: KeyInput, singleKeysEnabled: boolean): Shortcut | null {
  if (input.key === 'Enter' && (input.ctrlKey || input.metaKey)) return input.inComposer ? 'send' : null;
  if (!singleKeysEnabled || input.inEditable || input.ctrlKey || input.metaKey || input.altKey) return null;
  switch (input.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'c':
      return 'claim';
    case 'r':
      return 'focus_reply';
    default:
      return null;
  }
}
