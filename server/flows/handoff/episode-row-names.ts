import type { EpisodeRow } from '../../domain/insights/episode-row';
import type { FlowDeps } from '../../composition';

/**
 * The visitors' names of episode rows, by conversation: the name each row carries, and for rows
 * written before rows carried it (no `visitorName` field at all) the conversation's, read only for
 * those: that read is `_id $in`, which stock FerretDB 1.24 answers by decoding every conversation
 * (the local build's patch makes it an index lookup; see scripts/ferretdb-patches).
 */
export async function visitorNamesOfRows(deps: FlowDeps, rows: readonly EpisodeRow[]): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  const unnamed = new Set<string>();
  for (const row of rows) {
    if (row.visitorName === undefined) unnamed.add(row.conversationId);
    else names.set(row.conversationId, row.visitorName);
  }
  if (unnamed.size > 0) {
    for (const [id, name] of await deps.store.conversations.visitorNames([...unnamed])) names.set(id, name);
  }
  return names;
}
