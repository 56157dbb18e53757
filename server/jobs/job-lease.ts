import type { JobLeasesStore } from '../store/job-leases-store';

export interface JobLeaseOptions {
  /** The lease's name: instances holding leases of different names do not exclude each other. */
  job: string;
  /** This instance: unique per process (create-hub.ts newInstanceId). */
  holder: string;
  /** How long a lease lasts unrenewed: how long a crashed holder's jobs wait for another instance. */
  ttlMs?: number;
  /** How often the holder renews, and a follower tries to take over. */
  renewMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
  onChange?: (held: boolean) => void;
}

export interface JobLease {
  /** True while this instance holds the lease with time to spare: only then may it run the job. */
  held(): boolean;
  /** Tries once now (take or renew), then keeps renewing or trying every `renewMs`. */
  start(): Promise<void>;
  /** Stops renewing; `release` (a clean shutdown) lets another instance take over at once. */
  stop(options?: { release?: boolean }): Promise<void>;
}

/**
 * Leadership for a background job: of the instances on one database, the one holding the lease runs
 * it; the others try to take it every `renewMs` and do once it is released or has lapsed.
 *
 * The holder counts the lease as held only until `renewMs` before it runs out: a holder whose
 * renewals stall (a paused process, a slow database) stops working before another can take the
 * lease, and goes back through `take` rather than renewing a lease that may be someone else's now.
 */
export function createJobLease(store: JobLeasesStore, options: JobLeaseOptions): JobLease {
  const {
    job,
    holder,
    ttlMs = 15_000,
    renewMs = Math.floor(ttlMs / 3),
    now = () => new Date(),
    onError = () => {},
    onChange = () => {},
  } = options;
  /** Until when, by this instance's clock, it may act as the holder (0: it is not). */
  let usableUntil = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const held = () => now().getTime() < usableUntil;
  const set = (got: boolean, at: Date) => {
    const was = usableUntil > 0;
    usableUntil = got ? at.getTime() + ttlMs - renewMs : 0;
    if (was !== got) onChange(got);
  };

  const round = async () => {
    const at = now();
    try {
      const got = held() ? await store.renew(job, holder, at, ttlMs) : await store.take(job, holder, at, ttlMs);
      set(got, at);
    } catch (error) {
      onError(error);
      // Unknown outcome: keep acting only while the last known lease lasts (held() checks the time).
    }
  };
  const once = () => {
    inFlight = inFlight.then(round);
    return inFlight;
  };

  return {
    held,
    async start() {
      await once();
      timer = setInterval(once, renewMs);
      timer.unref();
    },
    async stop({ release = true } = {}) {
      if (timer) clearInterval(timer);
      timer = null;
      await inFlight;
      const was = usableUntil > 0;
      usableUntil = 0;
      if (was && release) await store.release(job, holder).catch(onError);
      if (was) onChange(false);
    },
  };
}
