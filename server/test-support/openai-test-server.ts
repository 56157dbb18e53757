import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A local OpenAI-compatible chat-completions server speaking the real wire format: `POST
 * /v1/chat/completions` with `stream: true` answers `text/event-stream` chunks (`data: {json}\n\n`,
 * content and tool-call deltas, a finish_reason, `data: [DONE]`); without it, one JSON completion;
 * errors are OpenAI's `{ error: { message, type, code } }`. Each request takes the next scripted
 * behaviour (the default once they run out), so a test says exactly what the "model" does.
 */
export type Behaviour =
  /** Content tokens, one chunk each, `delayMs` apart (the first after `firstDelayMs`). */
  | { kind: 'text'; tokens: readonly string[]; delayMs?: number; firstDelayMs?: number; usage?: Usage }
  /** Optional content, then one or more tool calls whose JSON arguments arrive in `pieces` fragments. */
  | { kind: 'tool_calls'; before?: string[]; calls: { name: string; arguments: unknown }[]; pieces?: number; delayMs?: number }
  /** An HTTP error with OpenAI's error body (429 with retry-after, 500, 401…). */
  | { kind: 'http_error'; status: number; message: string; retryAfter?: number }
  /** Some tokens, then (ending) either a chunk that is not JSON or the connection cut without [DONE]. */
  | { kind: 'broken'; tokens: readonly string[]; ending: 'garbage' | 'cut'; delayMs?: number }
  /** The model refuses: the `refusal` delta of OpenAI's API. */
  | { kind: 'refusal'; text: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' };

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: the request body is asserted field by field in tests
  body: any;
  /** The server's own figures, performance.now() milliseconds. */
  receivedAt: number;
  /** When each token (content or tool-call fragment) was written. */
  writtenAt: number[];
  /** When the client went away before the answer was complete (an abort), else null. */
  clientClosedAt: number | null;
  /** Tokens the server did not write because the client had gone. */
  unsent: number;
  /** Settles when the server has finished with the request (written all, or seen the client go). */
  done: Promise<void>;
}

export interface OpenAiTestServer {
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Queue behaviours for the next requests, in order. */
  script(...behaviours: Behaviour[]): void;
  /** Forgets behaviours no request took (a test that failed before its model call). */
  clearScript(): void;
  /** What a request does once the script is empty. */
  setDefault(behaviour: Behaviour): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

export async function startOpenAiTestServer(options: { apiKey?: string; model?: string } = {}): Promise<OpenAiTestServer> {
  const apiKey = options.apiKey ?? 'sk-test-local';
  const queue: Behaviour[] = [];
  let fallback: Behaviour = { kind: 'text', tokens: ['Hello', ' from', ' the', ' test', ' model.'] };
  const requests: ReceivedRequest[] = [];
  let nextId = 1;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let finish!: () => void;
      const record: ReceivedRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body: null,
        receivedAt: performance.now(),
        writtenAt: [],
        clientClosedAt: null,
        unsent: 0,
        done: new Promise((r) => (finish = r)),
      };
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.clientClosedAt = performance.now();
      });
      try {
        record.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error');
        return finish();
      }
      if (req.method !== 'POST' || !record.path.endsWith('/chat/completions')) {
        sendError(res, 404, `Unknown path ${record.path}`, 'invalid_request_error');
        return finish();
      }
      const auth = req.headers.authorization ?? (req.headers['api-key'] ? `Bearer ${req.headers['api-key']}` : '');
      if (auth !== `Bearer ${apiKey}`) {
        sendError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
        return finish();
      }
      const behaviour = queue.shift() ?? fallback;
      const id = `chatcmpl-test-${nextId++}`;
      void respond(res, record, behaviour, id, options.model ?? String(record.body.model ?? 'test-model')).finally(finish);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...behaviours) => queue.push(...behaviours),
    clearScript: () => void queue.splice(0),
    setDefault: (b) => (fallback = b),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}

async function respond(res: ServerResponse, record: ReceivedRequest, b: Behaviour, id: string, model: string): Promise<void> {
  if (b.kind === 'hang') return;
  if (b.kind === 'http_error') {
    const type = b.status === 429 ? 'rate_limit_exceeded' : b.status >= 500 ? 'server_error' : 'invalid_request_error';
    return sendError(res, b.status, b.message, type, null, b.retryAfter ? { 'retry-after': String(b.retryAfter) } : {});
  }
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
    JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...extra,
    });

  if (!record.body.stream) return respondWhole(res, b, id, created, model);

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  const gone = () => res.destroyed || record.clientClosedAt !== null;
  const write = (data: string, isToken: boolean) => {
    if (gone()) {
      if (isToken) record.unsent++;
      return;
    }
    res.write(`data: ${data}\n\n`);
    if (isToken) record.writtenAt.push(performance.now());
  };

  write(chunk({ role: 'assistant', content: '' }), false);
  switch (b.kind) {
    case 'text': {
      await sleep(b.firstDelayMs ?? 0);
      for (const [i, token] of b.tokens.entries()) {
        if (i > 0) await sleep(b.delayMs ?? 0);
        if (gone()) {
          record.unsent = b.tokens.length - i;
          return;
        }
        write(chunk({ content: token }), true);
      }
      write(chunk({}, 'stop'), false);
      if (record.body.stream_options?.include_usage) {
        const usage = b.usage ?? { prompt_tokens: 100, completion_tokens: b.tokens.length, total_tokens: 100 + b.tokens.length };
        write(JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage }), false);
      }
      break;
    }
    case 'tool_calls': {
      for (const token of b.before ?? []) {
        write(chunk({ content: token }), true);
        await sleep(b.delayMs ?? 0);
      }
      for (const [index, call] of b.calls.entries()) {
        const args = JSON.stringify(call.arguments);
        const pieces = Math.max(1, b.pieces ?? 3);
        const size = Math.ceil(args.length / pieces);
        write(
          chunk({ tool_calls: [{ index, id: `call_${id}_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }),
          true,
        );
        for (let at = 0; at < args.length; at += size) {
          await sleep(b.delayMs ?? 0);
          write(chunk({ tool_calls: [{ index, function: { arguments: args.slice(at, at + size) } }] }), true);
        }
      }
      write(chunk({}, 'tool_calls'), false);
      break;
    }
    case 'broken': {
      for (const token of b.tokens) {
        write(chunk({ content: token }), true);
        await sleep(b.delayMs ?? 0);
      }
      if (b.ending === 'garbage') {
        write('{"id": "chatcmpl-broken", "choices": [{"delta": {"content": "unterminated', false);
        break;
      }
      res.destroy(); // cut mid-answer: no finish_reason, no [DONE]
      return;
    }
    case 'refusal': {
      write(chunk({ refusal: b.text }), true);
      write(chunk({}, 'stop'), false);
      break;
    }
  }
  write('[DONE]', false);
  res.end();
}

function respondWhole(
  res: ServerResponse,
  b: Exclude<Behaviour, { kind: 'hang' | 'http_error' }>,
  id: string,
  created: number,
  model: string,
) {
  const message =
    b.kind === 'tool_calls'
      ? {
          role: 'assistant',
          content: (b.before ?? []).join('') || null,
          tool_calls: b.calls.map((c, i) => ({
            id: `call_${id}_${i}`,
            type: 'function',
            function: { name: c.name, arguments: JSON.stringify(c.arguments) },
          })),
        }
      : b.kind === 'refusal'
        ? { role: 'assistant', content: null, refusal: b.text }
        : { role: 'assistant', content: b.tokens.join('') };
  if (b.kind === 'broken') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id": "chatcmpl-broken", "choices": [');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: b.kind === 'tool_calls' ? 'tool_calls' : 'stop' }],
      usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
    }),
  );
}
