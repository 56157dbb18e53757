import type { Collections } from './database';

export interface UsageToday {
  requests: number;
  tokens: number;
}

/** Per-site, per-UTC-day counters of AI agent requests and tokens; one upserted document a day. */
export function llmUsageStore(c: Collections) {
  const idOf = (siteId: string, day: string) => `${siteId}#${day}`;
  return {
    async today(siteId: string, day: string): Promise<UsageToday> {
      const doc = await c.llmUsage.findOne({ _id: idOf(siteId, day) });
      return { requests: doc?.requests ?? 0, tokens: doc?.tokens ?? 0 };
    },
    /** Counts one more request (and the tokens it used, once known). */
    async add(siteId: string, day: string, requests: number, tokens: number): Promise<void> {
      await c.llmUsage.updateOne(
        { _id: idOf(siteId, day) },
        { $inc: { requests, tokens }, $setOnInsert: { siteId, day } },
        { upsert: true },
      );
    },
  };
}

export type LlmUsageStore = ReturnType<typeof llmUsageStore>;
