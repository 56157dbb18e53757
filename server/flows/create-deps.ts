import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import { createBot } from '../bot/bot';
import { createInProcessHub } from '../realtime/hub';
import { createStore } from '../store';
import type { Clock, FlowDeps } from './deps';

export function createFlowDeps(db: Db, log: FastifyBaseLogger, clock: Clock = { now: () => new Date() }): FlowDeps {
  return {
    store: createStore(db),
    hub: createInProcessHub(),
    clock,
    newId: randomUUID,
    log,
    botFor: (site) => createBot(site.config.bot, { siteSecret: site.secret }),
    inFlightBots: new Map(),
  };
}
