import type { InboxView } from '../../shared/http';
import type { ConversationSummary } from '../../shared/operator-protocol';
import { sortForView } from './view-rules';

/** Rows of a new page not shown yet: a row can move back past the cursor (re-queued, say) and come again. */
export function newRows(shown: readonly ConversationSummary[], page: readonly ConversationSummary[]): ConversationSummary[] {
  const seen = new Set(shown.map((c) => c.conversationId));
  const fresh: ConversationSummary[] = [];
  for (const c of page) {
    if (seen.has(c.conversationId)) continue;
    seen.add(c.conversationId);
    fresh.push(c);
  }
  return fresh;
}

/** Whether `c` would sort after every loaded row, where pages not loaded yet begin. */
export function sortsPastLoaded(c: ConversationSummary, loaded: readonly ConversationSummary[], view: InboxView): boolean {
  const last = sortForView(loaded, view).at(-1);
  return last !== undefined && sortForView([last, c], view)[0] === last;
}

export function loadedMoreText(added: number, shown: number, more: boolean): string {
  const what = added === 1 ? '1 more conversation' : `${added} more conversations`;
  return `Loaded ${what}, ${shown} shown.${more ? '' : ' That is the whole list.'}`;
}
