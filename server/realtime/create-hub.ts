import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import { createBusHub } from './bus-hub';
import { createInProcessHub, type Hub } from './hub';

export type EventBusMode = 'mongodb' | 'off';

/** Unique per process: a restarted instance is a new one, so its predecessor's heartbeats simply go stale. */
export const newInstanceId = () => `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * The hub the server runs with: the database bus unless EVENT_BUS=off (one instance only).
 * `start` must be awaited before the app listens: it loads who is connected elsewhere.
 */
export function createHub(
  db: Db,
  log: FastifyBaseLogger,
  options: { mode: EventBusMode; instanceId?: string },
): Hub & { start(): Promise<void> } {
  if (options.mode === 'off') return { ...createInProcessHub(), start: async () => {} };
  const instanceId = options.instanceId ?? newInstanceId();
  return createBusHub(db, { instanceId, onError: (err, where) => log.error({ err, where, instanceId }, 'event bus error') });
}
