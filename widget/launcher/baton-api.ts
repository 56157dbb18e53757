import type { Identity } from '../../shared/entities';
import { type BatonEventName, batonEventNames } from '../embed-contract';

type Handler = (detail?: unknown) => void;

/** What one <baton-chat> element offers the page API. */
export interface ChatController {
  open(focus: boolean): void;
  close(): void;
  identify(identity: Identity): void;
  reset(): void;
}

export interface BatonApi {
  open(): void;
  close(): void;
  identify(identity: Identity): void;
  /** Logout on a shared browser: forgets this visitor and conversation here; the next open starts afresh. */
  reset(): void;
  /** Returns a function that removes the handler. */
  on(name: BatonEventName, handler: Handler): () => void;
}

/**
 * window.Baton, the only global the widget defines. Calls made before the element exists wait
 * here; the element then queues them until its panel has loaded.
 */
export function createBatonApi() {
  const handlers = new Map<BatonEventName, Set<Handler>>();
  const waiting: ((controller: ChatController) => void)[] = [];
  let target: ChatController | null = null;
  const withTarget = (run: (controller: ChatController) => void) => (target ? run(target) : waiting.push(run));

  const api: BatonApi = {
    open: () => withTarget((c) => c.open(true)),
    close: () => withTarget((c) => c.close()),
    identify: (identity) => withTarget((c) => c.identify(identity)),
    reset: () => withTarget((c) => c.reset()),
    on(name, handler) {
      if (!batonEventNames.includes(name)) console.warn(`[baton] unknown event "${name}"`);
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      set.add(handler);
      return () => set.delete(handler);
    },
  };

  return {
    api,
    emit(name: BatonEventName, detail?: unknown) {
      for (const handler of handlers.get(name) ?? []) {
        try {
          handler(detail);
        } catch (error) {
          // The page's handler failing must not break the chat.
          console.error('[baton] an event handler threw', error);
        }
      }
    },
    attach(controller: ChatController) {
      if (target) return;
      target = controller;
      for (const run of waiting.splice(0)) run(controller);
    },
    detach(controller: ChatController) {
      if (target === controller) target = null;
    },
  };
}
