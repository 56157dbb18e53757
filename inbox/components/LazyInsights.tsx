import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Insights and its chart library load only when this view is opened (a separate chunk). */
export function LazyInsights() {
  const [Page, setPage] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./insights/InsightsPage').then((m) => setPage(() => m.InsightsPage)).catch(() => setFailed(true));
  }, []);
  if (failed) return <p class="error">Insights could not be loaded; reload the page to try again.</p>;
  return Page ? <Page /> : <p role="status">Loading Insights…</p>;
}
