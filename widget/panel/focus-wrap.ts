/**
 * Under 480 px (the full-screen rule in panel-styles.ts) the panel covers the whole page, so it
 * acts as a modal: Tab and Shift+Tab wrap inside it instead of moving focus to page content hidden
 * beneath it (WCAG 2.4.11). Wider, the panel sits beside the page and stays non-modal. The header's
 * first button (the sound switch) and Send (composer) are always the panel's first and last controls.
 */
export function wrapFocus(event: KeyboardEvent, panel: HTMLElement): void {
  if (event.key !== 'Tab' || !matchMedia('(max-width:480px)').matches) return;
  const first = panel.querySelector<HTMLElement>('.h button');
  const last = panel.querySelector<HTMLElement>('.c button');
  if (event.target !== (event.shiftKey ? first : last)) return;
  event.preventDefault();
  (event.shiftKey ? last : first)?.focus();
}
