import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { chatCompletionsUrl } from './endpoint-url';
import { httpFailure, type LlmFailure, llmFailure } from './llm-failure';
import { type AssembledToolCall, createToolCallAssembler, type ToolCallDelta } from './tool-call-assembly';

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
    }
  | { role: 'tool'; tool_call_id: string; content: string };

/** A function the model may call; `parameters` is a JSON Schema object. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ChatEndpoint {
  baseUrl: string;
  apiKey: string;
  /** 'bearer' (OpenAI, Ollama, vLLM, LM Studio) or 'api-key' (Azure OpenAI's header). */
  auth: 'bearer' | 'api-key';
  model: string;
}

export interface ChatCall {
  endpoint: ChatEndpoint;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  temperature?: number;
  maxTokens?: number;
  timeouts: ChatTimeouts;
}

export interface ChatTimeouts {
  /** Until the first token (or tool-call fragment) arrives. */
  firstTokenMs: number;
  /** Longest silence between two chunks once the stream has started. */
  idleMs: number;
  /** The whole answer. */
  totalMs: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatAnswer {
  ok: true;
  text: string;
  toolCalls: AssembledToolCall[];
  finishReason: string;
  usage: ChatUsage | null;
}

export type ChatOutcome = ChatAnswer | { ok: false; failure: LlmFailure; partialText: string };

export interface ChatDeps {
  fetch?: typeof fetch;
  /** The caller's abort (barge-in, claim, handoff, shutdown): the call rejects with its reason. */
  signal?: AbortSignal;
  /** Each content fragment as it arrives. */
  onText?: (delta: string) => void;
}

/** An answer longer than this is cut off as a failure rather than stored. */
export const MAX_ANSWER_CHARS = 16_000;

class Timeout extends Error {
  constructor(readonly failure: LlmFailure) {
    super(failure.message);
  }
}

/**
 * One streamed chat-completions call over fetch and server-sent events. Every way it can go wrong
 * (timeouts, 429/5xx, a stream that breaks or is not JSON, a refusal) is a failure with a reason an
 * operator can read; only the caller's own abort rejects.
 */
export async function streamChat(call: ChatCall, deps: ChatDeps = {}): Promise<ChatOutcome> {
  const { signal, onText } = deps;
  signal?.throwIfAborted();
  const internal = new AbortController();
  const timers = new Map<string, NodeJS.Timeout>();
  const arm = (name: string, ms: number, failure: LlmFailure) => {
    clearTimeout(timers.get(name));
    timers.set(
      name,
      setTimeout(() => internal.abort(new Timeout(failure)), ms),
    );
  };
  const { timeouts } = call;
  arm('total', timeouts.totalMs, llmFailure('timeout', `The AI endpoint did not finish its answer within ${timeouts.totalMs} ms.`));
  arm('first', timeouts.firstTokenMs, llmFailure('timeout', `The AI endpoint sent no answer within ${timeouts.firstTokenMs} ms.`));
  let text = '';
  try {
    const response = await (deps.fetch ?? fetch)(chatCompletionsUrl(call.endpoint.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeader(call.endpoint) },
      body: JSON.stringify(requestBody(call, true)),
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, internal.signal]) : internal.signal,
    });
    if (!response.ok)
      return {
        ok: false,
        failure: httpFailure(response.status, await response.text(), response.headers.get('retry-after')),
        partialText: '',
      };
    if (!response.body)
      return { ok: false, failure: llmFailure('malformed', 'The AI endpoint answered with an empty body.'), partialText: '' };

    const toolCalls = createToolCallAssembler();
    let refusal = '';
    let finishReason: string | null = null;
    let usage: ChatUsage | null = null;
    let done = false;
    let broken: LlmFailure | null = null;
    let started = false;
    const progress = () => {
      if (!started) {
        started = true;
        clearTimeout(timers.get('first'));
      }
    };
    const onEvent = (event: EventSourceMessage) => {
      if (broken || done) return;
      arm('idle', timeouts.idleMs, llmFailure('timeout', `The AI endpoint's stream stalled for ${timeouts.idleMs} ms.`));
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      const chunk = parseChunk(event.data);
      if (!chunk) {
        broken = llmFailure('malformed', 'The AI endpoint sent a stream chunk that is not valid JSON.');
        return;
      }
      if (chunk.error) {
        broken = llmFailure('server_error', `The AI endpoint reported an error mid-stream: ${chunk.error.message ?? 'no message'}.`);
        return;
      }
      if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
      const choice = chunk.choices?.[0];
      if (!choice) return;
      const { delta } = choice;
      if (typeof delta?.content === 'string' && delta.content !== '') {
        progress();
        text += delta.content;
        if (text.length > MAX_ANSWER_CHARS) {
          broken = llmFailure('too_long', `The AI endpoint's answer ran past ${MAX_ANSWER_CHARS} characters.`);
          return;
        }
        onText?.(delta.content);
      }
      if (typeof delta?.refusal === 'string') {
        progress();
        refusal += delta.refusal;
      }
      for (const piece of delta?.tool_calls ?? []) {
        progress();
        toolCalls.add(piece);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    };
    const parser = createParser({ onEvent });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      parser.feed(next.value);
      if (broken) {
        await reader.cancel();
        break;
      }
    }
    if (broken) return { ok: false, failure: broken, partialText: text };
    if (refusal)
      return { ok: false, failure: llmFailure('refusal', `The model refused to answer: ${refusal.slice(0, 200)}`), partialText: text };
    if (finishReason === 'content_filter')
      return {
        ok: false,
        failure: llmFailure('content_filter', "The AI endpoint's content filter stopped the answer."),
        partialText: text,
      };
    if (!done && !finishReason) {
      return {
        ok: false,
        failure: llmFailure('malformed', "The AI endpoint's stream ended before the answer was complete."),
        partialText: text,
      };
    }
    return { ok: true, text, toolCalls: toolCalls.finish(), finishReason: finishReason ?? 'stop', usage };
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (internal.signal.reason instanceof Timeout) return { ok: false, failure: internal.signal.reason.failure, partialText: text };
    // The stream cut mid-answer surfaces as a read error ("terminated"): a broken stream, not an unreachable endpoint.
    if (text !== '')
      return { ok: false, failure: llmFailure('malformed', `The AI endpoint's stream broke off: ${causeOf(err)}.`), partialText: text };
    return { ok: false, failure: llmFailure('unreachable', `The AI endpoint could not be reached: ${causeOf(err)}.`), partialText: '' };
  } finally {
    for (const t of timers.values()) clearTimeout(t);
  }
}

function authHeader(endpoint: ChatEndpoint): Record<string, string> {
  return endpoint.auth === 'api-key' ? { 'api-key': endpoint.apiKey } : { authorization: `Bearer ${endpoint.apiKey}` };
}

function requestBody(call: ChatCall, stream: boolean) {
  return {
    model: call.endpoint.model,
    messages: call.messages,
    stream,
    ...(stream ? { stream_options: { include_usage: true } } : {}),
    ...(call.tools && call.tools.length > 0
      ? {
          tools: call.tools.map((t) => ({
            type: 'function',
            function: { name: t.name, description: t.description, parameters: t.parameters },
          })),
        }
      : {}),
    ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
    ...(call.maxTokens !== undefined ? { max_tokens: call.maxTokens } : {}),
  };
}

interface StreamChunk {
  choices?: { delta?: { content?: string | null; refusal?: string | null; tool_calls?: ToolCallDelta[] }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

function parseChunk(data: string): StreamChunk | null {
  try {
    const value = JSON.parse(data) as unknown;
    return typeof value === 'object' && value !== null ? (value as StreamChunk) : null;
  } catch {
    return null;
  }
}

function causeOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
