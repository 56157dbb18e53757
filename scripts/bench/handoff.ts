// 4: "talk to a person" until the operator's socket hears handoff_started, and claim until the
// visitor hears operator_joined; beside a raw ws relay round trip in the same run.
import { performance } from 'node:perf_hooks';
import { alwaysOpenSchedule } from '../../shared/config/hours';
import { connectOperator, loginOperator } from '../../server/test-support/clients';
import { seedOperator, seedSite } from '../../server/test-support/harness';
import type { AppUnderTest } from './app-under-test';
import { rawRelayClient, startRawRelay } from './baselines';
import { pct, type Row, ms } from './stats';
import { connectBenchVisitor } from './visitor';

const ROUNDS = Number(process.env.BENCH_HANDOFF_ROUNDS ?? 30);

export async function handoffSection(h: AppUnderTest, rows: Row[]): Promise<void> {
  await seedSite(h, { siteId: 'handoff', siteKey: 'handoff', config: { hours: alwaysOpenSchedule } });
  await seedOperator(h, { operatorId: 'op-bench', email: 'bench@op.test', name: 'Bench', siteIds: ['handoff'], capacity: ROUNDS + 5 });
  const session = await loginOperator(h, 'bench@op.test');
  const operator = await connectOperator(h, session);
  const handoff: number[] = [];
  const joined: number[] = [];
  /** Database commands started between request_human and the operator hearing handoff_started. */
  const commandsBefore: number[] = [];
  /** Database commands started between the claim request and the visitor hearing operator_joined. */
  const commandsBeforeJoined: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const v = await connectBenchVisitor(h.wsUrl, 'handoff');
    await v.send(`q${r}`, 'Where is my parcel?');
    const t0 = performance.now();
    const heard = operator.waitFor('handoff_started', () => true, 15_000);
    const counted = h.countCommands();
    v.ws.send(JSON.stringify({ type: 'request_human', clientMessageId: `h${r}` }));
    const e = await heard;
    handoff.push(performance.now() - t0);
    const names = counted.names();
    counted.stop();
    commandsBefore.push(names.length);
    if (process.env.BENCH_DEBUG) console.error(`handoff round ${r}: ${(performance.now() - t0).toFixed(1)} ms`);
    if (process.env.BENCH_DEBUG)
      console.error(`handoff round ${r}: ${names.length} commands before the operator heard it: ${names.join(' ')}`);
    // The operator's event names the conversation; seen events stay in its list, so clear them.
    operator.events.length = 0;
    const t1 = performance.now();
    const join = v.waitFor('operator_joined', 15_000);
    const countedClaim = h.countCommands();
    const claim = session.fetch(`/api/conversations/${e.conversation.conversationId}/claim`, { body: {} });
    await join;
    joined.push(performance.now() - t1);
    const claimNames = countedClaim.names();
    countedClaim.stop();
    commandsBeforeJoined.push(claimNames.length);
    if (process.env.BENCH_DEBUG)
      console.error(`claim round ${r}: ${(performance.now() - t1).toFixed(1)} ms, ${claimNames.length} commands: ${claimNames.join(' ')}`);
    const answer = await claim;
    if (answer.status !== 200) throw new Error(`claim answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    v.close();
  }
  operator.close();

  const relay = await startRawRelay();
  const c = await rawRelayClient(relay.url);
  const rtt: number[] = [];
  for (let r = 0; r < ROUNDS; r++) rtt.push((await c.send(`p${r}`))[0]);
  c.close();
  await relay.close();
  rows.push({
    section: 'handoff',
    measured: `request_human -> operator socket handoff_started, ${ROUNDS} rounds, p50/p99`,
    figure: `${ms(pct(handoff, 50))} / ${ms(pct(handoff, 99))}`,
    baseline: `raw ws round trip ${ms(pct(rtt, 50))} / ${ms(pct(rtt, 99))}`,
    ratio: pct(handoff, 50) / pct(rtt, 50),
  });
  rows.push({
    section: 'handoff',
    measured: 'database commands before the operator hears the handoff, median',
    figure: String(pct(commandsBefore, 50)),
    baseline: '',
    ratio: null,
  });
  rows.push({
    section: 'handoff',
    measured: `claim (HTTP) -> visitor operator_joined, p50/p99`,
    figure: `${ms(pct(joined, 50))} / ${ms(pct(joined, 99))}`,
    baseline: `raw ws round trip ${ms(pct(rtt, 50))} / ${ms(pct(rtt, 99))}`,
    ratio: pct(joined, 50) / pct(rtt, 50),
  });
  rows.push({
    section: 'handoff',
    measured: 'database commands before the visitor hears operator_joined, median',
    figure: String(pct(commandsBeforeJoined, 50)),
    baseline: '',
    ratio: null,
  });
}
