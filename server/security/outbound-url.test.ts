import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundFetch } from './outbound-fetch';
import { checkOutboundAddress, checkOutboundUrl, parseOutboundAllow, type Resolve, STRICT_OUTBOUND_POLICY } from './outbound-url';

const strict = STRICT_OUTBOUND_POLICY;

describe('checkOutboundUrl at save time', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:8080/hook',
    'http://localhost:3000/hook',
    'http://LOCALHOST./hook',
    'http://api.localhost/hook',
    'http://2130706433/hook',
    'http://0x7f000001/hook',
    'http://0177.0.0.1/hook',
    'http://127.1/hook',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/hook',
    'http://10.0.0.5/hook',
    'http://172.16.3.4/hook',
    'http://192.168.1.1/hook',
    'http://100.64.0.1/hook',
    'http://100.100.100.200/latest/meta-data',
    'http://[fd00:ec2::254]/latest',
    'http://[fe80::1]/hook',
    'http://[fc00::1]/hook',
    'http://0.0.0.0/hook',
    'http://[::]/hook',
    'http://224.0.0.1/hook',
    'http://255.255.255.255/hook',
    'https://user:pass@hooks.example.com/hook',
    'ftp://hooks.example.com/hook',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const verdict = checkOutboundUrl(url, strict);
    expect(verdict.ok).toBe(false);
  });

  it.each([
    'https://hooks.slack.com/services/T/B/X',
    'https://8.8.8.8/hook',
    'http://[2606:4700::1111]/hook',
    'https://example.com:8443/x?y=1',
  ])('accepts the public %s', (url) => {
    expect(checkOutboundUrl(url, strict)).toEqual({ ok: true });
  });

  it('says why and how to allow a private receiver', () => {
    const verdict = checkOutboundUrl('http://2130706433/hook', strict);
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('127.0.0.1 is a loopback address') });
    expect(verdict.ok || verdict.reason).toContain('OUTBOUND_ALLOW');
  });
});

describe('OUTBOUND_ALLOW', () => {
  it('lets named ranges, addresses and hosts through and nothing else', () => {
    const policy = parseOutboundAllow(' 10.0.0.0/8, hooks.internal ,::1, fd12::/16 ');
    expect(checkOutboundUrl('http://10.2.3.4/hook', policy).ok).toBe(true);
    expect(checkOutboundUrl('http://[::1]/hook', policy).ok).toBe(true);
    expect(checkOutboundUrl('http://[fd12::9]/hook', policy).ok).toBe(true);
    expect(checkOutboundUrl('http://hooks.internal/hook', policy).ok).toBe(true);
    expect(checkOutboundUrl('http://192.168.0.1/hook', policy).ok).toBe(false);
    expect(checkOutboundUrl('http://127.0.0.1/hook', policy).ok).toBe(false);
    expect(checkOutboundAddress('::ffff:10.9.9.9', policy).ok).toBe(true);
  });

  it('refuses a malformed entry naming it', () => {
    expect(() => parseOutboundAllow('10.0.0.0/99')).toThrow(/OUTBOUND_ALLOW: "10.0.0.0\/99"/);
    expect(() => parseOutboundAllow('http://x')).toThrow(/OUTBOUND_ALLOW: "http:\/\/x"/);
  });
});

describe('the outbound fetch at send time (a real loopback receiver)', () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // A resolver for a public-looking name that answers with loopback: what a rebinding attacker's DNS does.
  const rebinding: Resolve = (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

  it('refuses loopback when it is not allowed, without connecting', async () => {
    const before = hits;
    const doFetch = createOutboundFetch(strict);
    const failure = await doFetch(`http://127.0.0.1:${port}/hook`, { method: 'POST' }).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(TypeError);
    expect(String((failure as Error).cause)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(hits).toBe(before);
  });

  it('refuses a name whose resolved address is loopback (rebinding) and never dials it', async () => {
    const before = hits;
    const doFetch = createOutboundFetch(strict, { resolve: rebinding });
    const failure = await doFetch(`http://hooks.example.com:${port}/hook`).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(TypeError);
    expect(String((failure as Error).cause)).toMatch(/hooks\.example\.com resolves to 127\.0\.0\.1 is a loopback address/);
    expect(hits).toBe(before);
  });

  it('connects to the resolved, checked address when the allow-list names its range', async () => {
    const before = hits;
    const doFetch = createOutboundFetch(parseOutboundAllow('127.0.0.0/8'), { resolve: rebinding });
    const viaName = await doFetch(`http://hooks.example.com:${port}/hook`);
    expect(await viaName.text()).toBe('ok');
    const direct = await createOutboundFetch(parseOutboundAllow('127.0.0.1'))(`http://127.0.0.1:${port}/hook`, {
      method: 'POST',
      body: '{}',
    });
    expect(direct.status).toBe(200);
    expect(hits).toBe(before + 2);
  });
});
