export interface StyleHandle {
  replace(css: string): void;
}

/**
 * Adds a stylesheet to the shadow root. Constructable sheets are not inline styles, so they work
 * under a strict CSP without 'unsafe-inline'; the <style> fallback only serves browsers without
 * them (Safari before 16.4), where such a CSP would block it.
 */
export function addStyles(root: ShadowRoot, css: string): StyleHandle {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return { replace: (next) => sheet.replaceSync(next) };
  }
  const style = document.createElement('style');
  style.textContent = css;
  (root as ShadowRoot).append(style);
  return { replace: (next) => (style.textContent = next) };
}
