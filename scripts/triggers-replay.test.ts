import { aDecision } from '../server/domain/handoff-decision.fixture';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ReplayResult } from '../server/domain/triggers';
import { compareWithExpectation, countConversation, emptyTally, summarize } from './triggers-replay/agreement';
import { parseReplayArgs } from './triggers-replay/args';
import { parseConversationLine, toOutputLine } from './triggers-replay/conversation-line';

const run = promisify(execFile);
const script = new URL('./triggers-replay.ts', import.meta.url).pathname;

const escalated = (over: Partial<ReplayResult['decision']> = {}, atTurn: number | null = 0): ReplayResult => ({
  atTurn,
  decision: aDecision({
    triggers: [
      { trigger: 'human_request', evidence: 'agent' },
      { trigger: 'frustration', evidence: '!!!' },
    ],
    ...over,
  }),
});
const quiet = (): ReplayResult => escalated({ escalate: false, triggers: [], primaryTrigger: null }, null);

describe('parseReplayArgs', () => {
  it.each([
    [['a.jsonl'], { file: 'a.jsonl', configPath: null }],
    [['--', 'a.jsonl', '--config', 'site.json'], { file: 'a.jsonl', configPath: 'site.json' }],
    [['--config=site.json', 'a.jsonl'], { file: 'a.jsonl', configPath: 'site.json' }],
  ])('reads %j', (argv, args) => {
    expect(parseReplayArgs(argv)).toEqual({ ok: true, args });
  });

  it.each([
    [[], 'no conversations file given'],
    [['a.jsonl', '--config'], '--config needs a file'],
    [['a.jsonl', '--verbose'], 'unknown option --verbose'],
    [['a.jsonl', 'b.jsonl'], 'unexpected argument b.jsonl'],
  ])('refuses %j', (argv, error) => {
    expect(parseReplayArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('parseConversationLine', () => {
  it('fills in an anonymous English visitor', () => {
    const parsed = parseConversationLine('{"id":"a","turns":[{"from":"visitor","text":"hi"}]}');
    expect(parsed).toEqual({
      ok: true,
      conversation: {
        id: 'a',
        input: { visitor: { tags: [], attributes: {}, locale: 'en', verified: false }, turns: [{ from: 'visitor', text: 'hi' }] },
      },
    });
  });

  it('keeps the expectation and the bot’s reports', () => {
    const line = JSON.stringify({
      id: 'b',
      visitor: { tags: ['vip'], verified: true },
      turns: [{ from: 'bot', text: 'x', confidence: 0.2, fallback: true, toolError: false }],
      expect: { escalate: true, trigger: 'customer_tag', queue: 'vip', atTurn: 0 },
    });
    const parsed = parseConversationLine(line);
    expect(parsed.ok && parsed.conversation.expect).toEqual({ escalate: true, trigger: 'customer_tag', queue: 'vip', atTurn: 0 });
    expect(parsed.ok && parsed.conversation.input.turns[0]).toMatchObject({ confidence: 0.2, fallback: true });
  });

  it.each([
    ['not JSON', '{"id":', /^not JSON/],
    ['a missing id', '{"turns":[]}', /^id: /],
    ['an unknown sender', '{"id":"x","turns":[{"from":"cat","text":"meow"}]}', /^turns\.0\.from: /],
    ['a confidence above 1', '{"id":"x","turns":[{"from":"bot","text":"a","confidence":2}]}', /^turns\.0\.confidence: /],
    ['an unknown trigger', '{"id":"x","turns":[],"expect":{"escalate":true,"trigger":"boredom"}}', /^expect\.trigger: /],
  ])('names the problem with %s', (_, line, error) => {
    const parsed = parseConversationLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('toOutputLine', () => {
  it('prints the decision as one JSON object', () => {
    expect(JSON.parse(toOutputLine('a', escalated({ missingFacts: ['orderNumber'] }, 2)))).toEqual({
      id: 'a',
      escalate: true,
      triggers: ['human_request', 'frustration'],
      queue: 'general',
      urgency: 'normal',
      atTurn: 2,
      missingFacts: ['orderNumber'],
      evidence: ['human_request: agent', 'frustration: !!!'],
    });
  });

  it('prints no queue, urgency or turn when it did not escalate', () => {
    expect(JSON.parse(toOutputLine('b', quiet()))).toMatchObject({ escalate: false, queue: null, urgency: null, atTurn: null });
  });
});

describe('compareWithExpectation', () => {
  it('agrees when the expected trigger is the primary one', () => {
    expect(compareWithExpectation({ escalate: true, trigger: 'human_request', queue: 'general', atTurn: 0 }, escalated())).toEqual({
      decision: true,
      trigger: true,
      triggerFired: true,
      queue: true,
      atTurn: true,
    });
  });

  it('does not count a trigger that only fired alongside the primary one', () => {
    expect(compareWithExpectation({ escalate: true, trigger: 'frustration' }, escalated())).toMatchObject({
      trigger: false,
      triggerFired: true,
    });
  });

  it('counts every detail as disagreeing when it did not escalate', () => {
    expect(compareWithExpectation({ escalate: true, trigger: 'human_request', queue: 'general', atTurn: 0 }, quiet())).toEqual({
      decision: false,
      trigger: false,
      triggerFired: false,
      queue: false,
      atTurn: false,
    });
  });

  it('only compares the decision when none was expected', () => {
    expect(compareWithExpectation({ escalate: false }, quiet())).toEqual({
      decision: true,
      trigger: null,
      triggerFired: null,
      queue: null,
      atTurn: null,
    });
  });
});

describe('summarize', () => {
  it('reports counts, agreement per field and each disagreement', () => {
    const tally = emptyTally();
    countConversation(tally, 'a', escalated(), { escalate: true, trigger: 'human_request', queue: 'general', atTurn: 0 });
    countConversation(tally, 'b', escalated({ queue: 'billing' }), {
      escalate: true,
      trigger: 'human_request',
      queue: 'general',
      atTurn: 0,
    });
    countConversation(tally, 'c', quiet(), undefined);
    tally.badLines = 1;
    expect(summarize(tally, 12.4)).toBe(
      'replayed 3 conversations in 12 ms: 2 escalated, 1 stayed with the bot; 1 bad lines skipped\n' +
        'expectations: 1/2 agree fully; decision 2/2, primary trigger 2/2 (among fired 2/2), queue 1/2, atTurn 2/2\n' +
        '  disagrees b: expected escalate by human_request to general at turn 0; got escalate by human_request to billing at turn 0\n',
    );
  });
});

describe('npm run triggers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triggers-replay-'));
  const lines = [
    '{"id":"one","turns":[{"from":"visitor","text":"agent"}],"expect":{"escalate":true,"trigger":"human_request","queue":"general","atTurn":0}}',
    'this is not json',
    '{"id":"two","turns":[{"from":"visitor","text":"What are your hours?"}],"expect":{"escalate":false}}',
  ];
  const file = join(dir, 'conversations.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const replay = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', script, ...args]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('prints a line per good conversation and reports the bad line by number', async () => {
    const { code, stdout, stderr } = await replay(file);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['one', 'two']);
    expect(stderr).toContain('line 2: skipped, not JSON');
    expect(stderr).toContain('expectations: 2/2 agree fully');
    expect(code).toBe(1);
  });

  it('uses the site config given', async () => {
    const site = join(dir, 'site.json');
    writeFileSync(site, JSON.stringify({ triggers: { human_request: { enabled: false } } }));
    const { stdout } = await replay(file, '--config', site);
    expect(JSON.parse(stdout.split('\n')[0] ?? '')).toMatchObject({ id: 'one', escalate: false });
  });

  it('stops with a usage message when the site config is invalid', async () => {
    const site = join(dir, 'bad-site.json');
    writeFileSync(site, JSON.stringify({ triggers: { low_confidence: { threshold: 7 } } }));
    const { code, stderr } = await replay(file, '--config', site);
    expect(code).toBe(2);
    expect(stderr).toContain('triggers.low_confidence.threshold');
  });
});
