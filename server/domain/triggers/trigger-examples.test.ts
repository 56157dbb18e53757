import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayConversation } from '.';
import type { HandoffInput } from '../handoff-decision';
import { defaults } from './test-conversations';

interface ExampleLine {
  id: string;
  visitor?: { tags?: string[]; attributes?: Record<string, string | number | boolean>; locale?: string; verified?: boolean };
  turns: HandoffInput['turns'];
  expect: { escalate: boolean; trigger?: string; queue?: string; atTurn?: number };
}

// A copy of ../shared/data/trigger-examples.jsonl kept in the repo, so the test runs from any checkout.
const file = new URL('../../../test-data/trigger-examples.jsonl', import.meta.url);
const examples: ExampleLine[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as ExampleLine);

describe('test-data/trigger-examples.jsonl (from shared/data) under the default site config', () => {
  it('holds the 37 recorded conversations', () => {
    expect(examples).toHaveLength(37);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s: decision, primary trigger, queue and turn agree', (_, example) => {
    const v = example.visitor ?? {};
    const input: HandoffInput = {
      turns: example.turns,
      visitor: { verified: v.verified ?? false, tags: v.tags ?? [], attributes: v.attributes ?? {}, locale: v.locale ?? 'en' },
    };
    const { decision, atTurn } = replayConversation(input, defaults);
    const got = decision.escalate
      ? { escalate: true, trigger: decision.primaryTrigger, queue: decision.queue, atTurn }
      : { escalate: false };
    expect(got).toEqual(example.expect);
  });
});
