/**
 * The queue behind a group commit (insert-batcher.ts, id-read-batcher.ts): items asked for while
 * `maxInFlight` commands are on their way wait and leave together in the next, at most `maxBatch`
 * per command; alone, an item leaves on the next turn of the event loop. `send` answers every item
 * of its batch itself and never throws.
 */
export function groupCommit<I>(send: (batch: I[]) => Promise<void>, maxBatch: number, maxInFlight: number) {
  const waiting: I[] = [];
  let inFlight = 0;
  let scheduled = false;

  const run = async (batch: I[]) => {
    inFlight++;
    try {
      await send(batch);
    } finally {
      inFlight--;
      schedule();
    }
  };
  const schedule = () => {
    if (scheduled || inFlight >= maxInFlight || waiting.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (inFlight < maxInFlight && waiting.length > 0) void run(waiting.splice(0, maxBatch));
    });
  };

  return {
    add(item: I): void {
      waiting.push(item);
      schedule();
    },
    /** Items waiting or on their way. */
    get pending(): number {
      return waiting.length + inFlight;
    },
  };
}
