import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client';
import { actionFailureMessage, claimedByFrom, failureFromBody, loginFailureMessage } from './api-errors';
import { me, summary } from './test-fakes';

type Reply = { status: number; body?: unknown; raw?: string };

function server(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const reply = replies.shift() ?? { status: 200, body: {} };
    const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    return new Response(text || null, { status: reply.status });
  });
  return { fetch, calls, header: (i: number, name: string) => new Headers(calls[i]?.init.headers).get(name) };
}

const session = { operator: me, csrfToken: 'csrf-123' };

describe('api client', () => {
  it('adds the CSRF token from the session to every state-changing request, not to reads', async () => {
    const s = server(
      { status: 200, body: session },
      { status: 200, body: { conversation: summary() } },
      { status: 200, body: { conversations: [], counts: {} } },
    );
    const api = createApiClient({ fetch: s.fetch });
    await api.login({ email: 'mia@example.com', password: 'pw' });
    await api.claim('c1');
    await api.listConversations({ view: 'awaiting' });
    expect(s.header(0, 'x-csrf-token')).toBeNull();
    expect(s.calls[1]?.url).toBe('/api/conversations/c1/claim');
    expect(s.calls[1]?.init.method).toBe('POST');
    expect(s.header(1, 'x-csrf-token')).toBe('csrf-123');
    expect(s.calls[2]?.url).toBe('/api/conversations?view=awaiting');
    expect(s.header(2, 'x-csrf-token')).toBeNull();
  });

  it('forgets the CSRF token on logout', async () => {
    const s = server({ status: 200, body: session }, { status: 204 }, { status: 401, body: { code: 'csrf_failed', message: 'x' } });
    const api = createApiClient({ fetch: s.fetch });
    await api.session();
    await api.logout();
    await api.setPresence('away');
    expect(s.header(1, 'x-csrf-token')).toBe('csrf-123');
    expect(s.header(2, 'x-csrf-token')).toBeNull();
  });

  it('parses an ErrorBody into a failure with code, message and issues', async () => {
    const body = {
      code: 'invalid_request',
      message: 'The request was not valid.',
      issues: [{ path: 'triggers.low_confidence.threshold', message: 'Too big' }],
    };
    const api = createApiClient({ fetch: server({ status: 400, body }).fetch });
    const result = await api.saveSiteConfig('site_1', {} as never, 1);
    expect(result).toEqual({ ok: false, error: { status: 400, ...body } });
  });

  it('sends the loaded configVersion with the settings and reads queues from their own route', async () => {
    const s = server(
      { status: 409, body: { code: 'version_conflict', message: 'Someone else saved these settings after you opened them.' } },
      { status: 200, body: { queues: [{ id: 'general', name: 'General', members: [] }] } },
    );
    const api = createApiClient({ fetch: s.fetch });
    const saved = await api.saveSiteConfig('site_1', { defaultQueue: 'general' } as never, 4);
    expect(JSON.parse(String(s.calls[0]?.init.body))).toEqual({ config: { defaultQueue: 'general' }, configVersion: 4 });
    expect(!saved.ok && saved.error).toMatchObject({ status: 409, code: 'version_conflict' });
    const queues = await api.queues('site 1');
    expect(s.calls[1]?.url).toBe('/api/sites/site%201/queues');
    expect(queues).toEqual({ ok: true, value: { queues: [{ id: 'general', name: 'General', members: [] }] } });
  });

  it('turns a network failure and a non-JSON 502 into messages a person can act on', async () => {
    const down = createApiClient({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    const a = await down.callbacks();
    expect(!a.ok && a.error.message).toBe('Could not reach the server. Check your connection, then try again.');
    const proxy = createApiClient({ fetch: server({ status: 502, raw: '<html>Bad gateway</html>' }).fetch });
    const b = await proxy.callbacks();
    expect(!b.ok && b.error).toMatchObject({ code: 'internal', message: 'The server had a problem (HTTP 502). Try again in a moment.' });
  });

  it('rejects a success body that does not match the shared schema', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = createApiClient({ fetch: server({ status: 200, body: { conversations: 'nope' } }).fetch });
    const result = await api.listConversations({ view: 'live' });
    expect(!result.ok && result.error.code).toBe('unexpected_response');
  });

  it('reports an ended session on a 401 outside the auth endpoints', async () => {
    const onUnauthenticated = vi.fn();
    const body = { code: 'unauthenticated', message: 'Sign in to continue.' };
    const api = createApiClient({ fetch: server({ status: 401, body }, { status: 401, body }).fetch, onUnauthenticated });
    await api.session();
    expect(onUnauthenticated).not.toHaveBeenCalled();
    await api.callbacks();
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('encodes ids and sends query filters', async () => {
    const s = server({ status: 200, body: { conversations: [], counts: {} } }, { status: 200, body: { conversation: summary() } });
    const api = createApiClient({ fetch: s.fetch });
    await api.listConversations({ view: 'resolved', queue: 'billing', q: 'refund order' });
    await api.transfer('c/1', { queue: 'sales', note: 'quote' });
    expect(s.calls[0]?.url).toBe('/api/conversations?view=resolved&queue=billing&q=refund+order');
    expect(s.calls[1]?.url).toBe('/api/conversations/c%2F1/transfer');
    expect(s.calls[1]?.init.body).toBe('{"queue":"sales","note":"quote"}');
  });

  it('asks for the page after a cursor, and reads a body without nextCursor as the last page', async () => {
    const s = server(
      { status: 200, body: { conversations: [], counts: {}, nextCursor: 'next/2' } },
      { status: 200, body: { conversations: [], counts: {} } },
    );
    const api = createApiClient({ fetch: s.fetch });
    const paged = await api.listConversations({ view: 'resolved', cursor: 'abc-_1', limit: 3 });
    const older = await api.listConversations({ view: 'live' });
    expect(s.calls[0]?.url).toBe('/api/conversations?view=resolved&cursor=abc-_1&limit=3');
    expect(paged.ok && paged.value.nextCursor).toBe('next/2');
    expect(older.ok && older.value.nextCursor).toBeNull();
  });
});

describe('error messages', () => {
  const fail = (
    code: Parameters<typeof loginFailureMessage>[0]['code'],
    message = '',
    issues: { path: string; message: string }[] = [],
  ) => ({
    status: 400,
    code,
    message,
    issues,
  });

  it('never reveals at sign-in whether the email exists', () => {
    for (const code of ['invalid_credentials', 'not_found', 'unauthenticated', 'invalid_request'] as const) {
      expect(loginFailureMessage(fail(code, 'No operator with that email.'))).toBe('Email or password is not correct.');
    }
    expect(loginFailureMessage(fail('rate_limited'))).toBe('Too many sign-in attempts. Wait a minute, then try again.');
  });

  it('reads the claimer from a 409 and explains other refusals', () => {
    const ana = { operatorId: 'op_ana', name: 'Ana Lopez' };
    expect(claimedByFrom(failureFromBody(409, { code: 'already_claimed', message: 'Already claimed by Ana Lopez.', owner: ana }))).toEqual(
      ana,
    );
    expect(claimedByFrom(failureFromBody(409, { code: 'already_claimed', message: 'Already claimed by another operator.' }))).toBeNull();
    expect(claimedByFrom(failureFromBody(409, { code: 'transition_not_allowed', message: 'No.', owner: ana }))).toBeNull();
    expect(actionFailureMessage(fail('version_conflict', 'x'))).toBe(
      'The conversation changed meanwhile; it has been reloaded. Check it and try again.',
    );
    expect(actionFailureMessage(fail('invalid_request', 'Invalid.', [{ path: 'note', message: 'Too long' }]))).toBe(
      'Invalid. note: Too long',
    );
  });
});
