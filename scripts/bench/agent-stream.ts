// AI agent streaming through Baton, each figure beside the local OpenAI-compatible server's own
// figures in the same run:
//  - time to first token: visitor sends a message -> first bot_delta at the visitor's socket,
//    against the model server's own time from request to first token written, and a direct
//    streamChat call to the same server (no Baton in between);
//  - barge-in to silence: an operator's barge-in request leaves -> the visitor's bot_stream_ended,
//    and -> the model server sees its connection closed (it writes nothing more), against a direct
//    streamChat abort -> connection closed.
// Needs MONGODB_URI (`npm run bench` starts the database). Returns printable lines.
import { performance } from 'node:perf_hooks';
import type { SiteConfigInput } from '../../shared/site-config';
import { streamChat } from '../../server/services/llm/chat-completions';
import { loginOperator, visitorSession } from '../../server/test-support/clients';
import { seedOperator, seedSite, startHarness } from '../../server/test-support/harness';
import { startOpenAiTestServer } from '../../server/test-support/openai-test-server';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const fmt = (label: string, xs: number[]) =>
  `${label.padEnd(58)} n=${xs.length}  p50=${pct(xs, 50).toFixed(1)} ms  p95=${pct(xs, 95).toFixed(1)} ms`;

export async function benchAgentStreaming(runs = Number(process.env.BENCH_AGENT_RUNS ?? 20)): Promise<string[]> {
  const model = await startOpenAiTestServer({ apiKey: 'sk-bench' });
  const h = await startHarness();
  try {
    const config: SiteConfigInput = {
      handoffEnabled: true,
      bot: { kind: 'openai', baseUrl: model.baseUrl, model: 'bench', budget: { requestsPerDay: 1_000_000 } } as SiteConfigInput['bot'],
    };
    await seedSite(h, { siteId: 'bench', siteKey: 'bench', config });
    await seedOperator(h, { operatorId: 'op', email: 'op@bench.test', name: 'Op', siteIds: ['bench'], role: 'admin', capacity: 50 });
    const op = await loginOperator(h, 'op@bench.test');
    await op.fetch('/api/sites/bench/bot/api-key', { method: 'PUT', body: { apiKey: 'sk-bench' } });
    // A short pause before the first token, then a steady stream: the shape of a real model.
    const answer = { kind: 'text' as const, tokens: Array.from({ length: 80 }, (_, i) => ` w${i}`), firstDelayMs: 20, delayMs: 10 };

    const batonFirst: number[] = [];
    const serverFirst: number[] = [];
    const silenceVisitor: number[] = [];
    const silenceModel: number[] = [];
    for (let i = 0; i < runs; i++) {
      model.script(answer);
      const { client } = await visitorSession(h, 'bench');
      const t0 = performance.now();
      client.send({ type: 'send_message', clientMessageId: `q${i}`, text: 'Tell me about your lamps' });
      await client.waitFor('bot_delta');
      batonFirst.push(performance.now() - t0);
      const request = model.requests.at(-1)!;
      serverFirst.push(request.writtenAt[0]! - request.receivedAt);
      // Barge in a few tokens later, mid-sentence.
      await client.waitFor('bot_delta', () => client.events.filter((e) => e.type === 'bot_delta').length >= 5);
      const conversationId = (await client.waitFor('message_added')).message.conversationId;
      const b0 = performance.now();
      await op.fetch(`/api/conversations/${conversationId}/barge-in`, { body: {} });
      await client.waitFor('bot_stream_ended');
      silenceVisitor.push(performance.now() - b0);
      await request.done;
      silenceModel.push(request.clientClosedAt! - b0);
      client.close();
    }

    const directFirst: number[] = [];
    const directSilence: number[] = [];
    const endpoint = { baseUrl: model.baseUrl, apiKey: 'sk-bench', auth: 'bearer' as const, model: 'bench' };
    const timeouts = { firstTokenMs: 5000, idleMs: 5000, totalMs: 10_000 };
    for (let i = 0; i < runs; i++) {
      model.script(answer);
      const controller = new AbortController();
      const t0 = performance.now();
      let seen = 0;
      let abortedAt = 0;
      await streamChat(
        { endpoint, messages: [{ role: 'user', content: 'hi' }], timeouts },
        {
          signal: controller.signal,
          onText: () => {
            if (++seen === 1) directFirst.push(performance.now() - t0);
            if (seen === 5) {
              abortedAt = performance.now();
              controller.abort(new Error('bench'));
            }
          },
        },
      ).catch(() => {});
      const request = model.requests.at(-1)!;
      await request.done;
      directSilence.push(request.clientClosedAt! - abortedAt);
    }
    return [
      `AI agent streaming (local OpenAI-compatible server, first token after 20 ms, then one every 10 ms; ${runs} runs):`,
      fmt('time to first token, visitor socket through Baton', batonFirst),
      fmt('  baseline: model server, request -> first token written', serverFirst),
      fmt('  baseline: direct streamChat, call -> first token', directFirst),
      fmt('barge-in request -> visitor told the stream ended', silenceVisitor),
      fmt('barge-in request -> model server sees the stream closed', silenceModel),
      fmt('  baseline: direct streamChat abort -> stream closed', directSilence),
    ];
  } finally {
    await h.close();
    await model.close();
  }
}
