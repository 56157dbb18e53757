import { afterEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// /metrics is scraped as Prometheus would: only with the bearer token, and only when one is set.

const TOKEN = 'metrics-token-0123456789';
let h: Harness | null = null;
afterEach(() => h?.close());

const scrape = (base: string, auth?: string) => fetch(`${base}/metrics`, auth ? { headers: { authorization: auth } } : {});
const sample = (text: string, line: RegExp) => {
  const found = text.split('\n').find((l) => line.test(l));
  return found ? Number(found.split(' ').at(-1)) : null;
};

describe('/metrics', () => {
  it('is not served without METRICS_TOKEN', async () => {
    h = await startHarness();
    expect((await scrape(h.baseUrl, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('refuses a missing or wrong token and counts requests, sockets, queues and handoffs for the right one', async () => {
    h = await startHarness({ metricsToken: TOKEN });
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
    expect((await scrape(h.baseUrl)).status).toBe(401);
    expect((await scrape(h.baseUrl, 'Bearer wrong-token-wrong-token')).status).toBe(401);

    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    const id = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const waiting = await (await scrape(h.baseUrl, `Bearer ${TOKEN}`)).text();
    expect(sample(waiting, /^baton_queue_length\{site="site-a"/)).toBe(1);
    expect(sample(waiting, /^baton_queue_oldest_wait_seconds\{site="site-a"/)).toBeGreaterThanOrEqual(0);
    expect(sample(waiting, /^baton_connected_visitors /)).toBe(1);
    expect(sample(waiting, /^baton_handoffs_total\{trigger="human_request",queue="general"\}/)).toBe(1);
    expect(sample(waiting, /^baton_socket_frames_total\{socket="visitor",type="request_human"\}/)).toBe(1);

    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    const res = await scrape(h.baseUrl, `Bearer ${TOKEN}`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(sample(text, /^baton_time_to_human_seconds_count /)).toBe(1);
    expect(
      sample(text, /^baton_http_requests_total\{method="POST",route="\/api\/conversations\/:conversationId\/claim",status="200"\}/),
    ).toBe(1);
    expect(sample(text, /^baton_http_requests_total\{method="GET",route="\/metrics",status="401"\}/)).toBe(2);
    expect(text).toMatch(/^baton_http_request_duration_seconds_bucket/m);
    expect(sample(text, /^baton_queue_length\{site="site-a"/)).toBeNull();
    expect(text).toMatch(/^baton_webhook_deliveries\{status="failed"\} 0/m);
    expect(text).toMatch(/^baton_embeddings_degraded [01]/m);
    expect(text).toMatch(/^# TYPE baton_db_errors_total counter/m);
    expect(text).toMatch(/^baton_connected_operators /m);
    client.close();
  });
});
