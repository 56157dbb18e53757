import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { InboxView } from '../../shared/http';
import { formatRoute } from '../route';
import { useApp } from './app-context';

/**
 * The end of a list with more pages. After loading, focus moves to the first row added, so a
 * keyboard user continues where the list grew (the button may be gone), and the status says how many came.
 */
export function LoadMore({ view, list }: { view: InboxView; list: RefObject<HTMLUListElement | null> }) {
  const { inbox } = useApp();
  const [focusId, setFocusId] = useState<string | null>(null);
  const busy = inbox.loadingMore.value;
  const status = inbox.moreStatus.value;
  useEffect(() => {
    if (!focusId) return;
    const href = formatRoute({ section: view, conversationId: focusId });
    list.current?.querySelector<HTMLElement>(`a[href="${CSS.escape(href)}"]`)?.focus();
    setFocusId(null);
  }, [focusId, view, list]);
  const load = async () => {
    const first = await inbox.loadMore();
    if (first) setFocusId(first);
  };
  return (
    <div class="load-more">
      {inbox.nextCursor.value ? (
        // aria-disabled, not disabled: a disabled button drops the keyboard focus it holds.
        <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void load()}>
          {busy ? 'Loading more…' : 'Load more'}
        </button>
      ) : null}
      <p role="status" class={status?.failed ? 'error' : 'muted'}>
        {status?.text}
      </p>
    </div>
  );
}
