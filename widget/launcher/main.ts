import { createBatonApi } from './baton-api';
import { createLauncher, type Launcher } from './launcher';

// widget.js: a classic script pasted on any site. It defines <baton-chat> and window.Baton and
// nothing else; everything heavier arrives with the panel on first open.
declare global {
  interface Window {
    Baton?: ReturnType<typeof createBatonApi>['api'];
  }
}

// currentScript exists only while the script first runs; the panel and socket live on its origin.
const script = (document.currentScript ?? document.querySelector('script[src*="/widget.js"]')) as HTMLScriptElement | null;
const scriptOrigin = new URL(script?.src || location.href).origin;

if (!customElements.get('baton-chat')) {
  const baton = createBatonApi();
  const launchers = new WeakMap<HTMLElement, Launcher>();

  customElements.define(
    'baton-chat',
    class extends HTMLElement {
      connectedCallback() {
        const site = this.getAttribute('site');
        if (!site) return console.warn('[baton] <baton-chat> needs a site attribute');
        if (launchers.has(this)) return;
        const launcher = createLauncher(this, site, scriptOrigin, baton.emit);
        launchers.set(this, launcher);
        baton.attach(launcher);
      }
      disconnectedCallback() {
        const launcher = launchers.get(this);
        if (!launcher) return;
        launchers.delete(this);
        baton.detach(launcher);
        launcher.dispose();
      }
    },
  );
  window.Baton = baton.api;

  const site = script?.dataset.site;
  if (site && script && !document.querySelector('baton-chat')) {
    const element = document.createElement('baton-chat');
    element.setAttribute('site', site);
    for (const name of ['locale', 'position', 'open']) {
      const value = script.getAttribute(`data-${name}`);
      if (value !== null) element.setAttribute(name, value);
    }
    // An async script in <head> can run before <body> exists.
    const add = () => document.body.append(element);
    if (document.body) add();
    else document.addEventListener('DOMContentLoaded', add, { once: true });
  }
}
