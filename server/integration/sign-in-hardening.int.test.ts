import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// Sign-in under attack: one form of an email for lookup, limiting and lock-out, so padding or
// re-casing the email buys no fresh budget; and a per-account lock-out that backs off.

let h: Harness;
let offsetMs = 0;
beforeEach(async () => {
  offsetMs = 0;
  h = await startHarness({ clock: { now: () => new Date(Date.now() + offsetMs) } });
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'Ana@A.test', name: 'Ana', siteIds: ['site-a'], password: 'right-password' });
});
afterEach(() => h.close());

async function attempt(email: string, password: string): Promise<{ status: number; code?: string; message?: string }> {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { code?: string; message?: string };
  return { status: res.status, ...body };
}

const VARIANTS = [
  ' ana@a.test',
  'ANA@A.TEST',
  'ana@a.test ',
  'ａｎａ@ａ.test',
  'ana\u200b@a.test',
  '\u00a0Ana@a.test',
  'aNa@a.TEST',
  ' ANA@a.test\t',
  'ａna@a.test',
  'ana@A.test ',
  'Ana@a.test  ',
];

describe('sign-in hardening', () => {
  it('finds the account whatever padding, case or compatibility form the email is typed in', async () => {
    for (const email of ['  ANA@a.test ', 'ａｎａ@ａ.test', 'ana\u200b@a.test']) {
      expect((await attempt(email, 'right-password')).status).toBe(200);
    }
  });

  it('counts every padded or re-cased form of one email against one budget: locked, then rate limited', async () => {
    const results = [];
    for (const email of VARIANTS) results.push((await attempt(email, 'wrong')).code);
    expect(results.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
    // The per-account lock-out from the sixth attempt on, even with the right password...
    expect(results.slice(5, 10)).toEqual(Array(5).fill('account_locked'));
    // ...and the per-address limit (10 a minute) at the eleventh, whatever form the email took.
    expect(results[10]).toBe('rate_limited');
  });

  it('locks an account after five failures in a row, backs off doubling, and a success resets it', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(VARIANTS[i]!, 'wrong')).code).toBe('invalid_credentials');
    const locked = await attempt('ana@a.test', 'right-password');
    expect(locked).toMatchObject({ status: 429, code: 'account_locked', message: expect.stringMatching(/try again in (29|30) s/) });

    offsetMs += 31_000;
    expect((await attempt('ana@a.test', 'wrong')).code).toBe('invalid_credentials');
    expect(await attempt('ana@a.test', 'right-password')).toMatchObject({
      code: 'account_locked',
      message: expect.stringMatching(/try again in (59|60) s/),
    });

    offsetMs += 61_000;
    expect((await attempt('ana@a.test', 'right-password')).status).toBe(200);
    // Reset: without it this seventh failure in a row would lock for two minutes. (Ten requests: the address limit.)
    expect((await attempt('ana@a.test', 'wrong')).code).toBe('invalid_credentials');
  });

  it('locks an unknown email the same way, so the answer does not reveal which accounts exist', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('nobody@a.test', 'wrong')).code).toBe('invalid_credentials');
    expect((await attempt('nobody@a.test', 'wrong')).code).toBe('account_locked');
  });
});
