import { AgentToolResponse } from '../../shared/bot-webhook';
import type { AgentTool } from '../../shared/config/bot';
import { signedRequestHeaders } from '../security/standard-webhooks';
import type { ToolSpec } from '../services/llm/chat-completions';

export const HAND_OFF_TOOL: ToolSpec = {
  name: 'hand_off',
  description:
    'Bring in a person from the team. Use it when the visitor asks for a person, is upset, or needs something only a person can do, or when the answer is not in the knowledge base.',
  parameters: {
    type: 'object',
    properties: {
      reason: { type: 'string', description: 'Why a person is needed, in a few words.' },
      summary: {
        type: 'string',
        description: 'Two short lines for the colleague who takes over: what the visitor wants and what is known.',
      },
    },
    required: ['reason', 'summary'],
  },
};

export const toolSpecs = (tools: AgentTool[]): ToolSpec[] => [
  HAND_OFF_TOOL,
  ...tools.map(({ name, description, parameters }) => ({ name, description, parameters })),
];

export interface ToolCallContext {
  url: string;
  secret: string;
  siteId: string;
  conversationId: string;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
  signal?: AbortSignal;
}

const MAX_RESULT_BYTES = 32 * 1024;

/** Calls one site tool through the site's tools webhook; `{ error }` says what failed, for the operator. */
export async function callSiteTool(
  ctx: ToolCallContext,
  tool: string,
  args: Record<string, unknown>,
): Promise<{ result: string } | { error: string }> {
  const body = JSON.stringify({ siteId: ctx.siteId, conversationId: ctx.conversationId, tool, arguments: args });
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  try {
    const response = await ctx.fetch(ctx.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedRequestHeaders(ctx.secret, body, ctx.now()),
      },
      body,
      redirect: 'error',
      signal: ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout,
    });
    const text = await response.text();
    if (!response.ok) return { error: `The tool ${tool} answered HTTP ${response.status}.` };
    if (text.length > MAX_RESULT_BYTES) return { error: `The tool ${tool} answered more than ${MAX_RESULT_BYTES} bytes.` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { error: `The tool ${tool} answered with a body that is not JSON.` };
    }
    const parsed = AgentToolResponse.safeParse(json);
    if (!parsed.success) return { error: `The tool ${tool} answered outside the contract ({ result } or { error }).` };
    if ('error' in parsed.data) return { error: `The tool ${tool} failed: ${parsed.data.error}` };
    return { result: JSON.stringify(parsed.data.result ?? null) };
  } catch (err) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    if (timeout.aborted) return { error: `The tool ${tool} did not answer within ${ctx.timeoutMs} ms.` };
    return { error: `The tool ${tool} could not be reached: ${err instanceof Error ? err.message : String(err)}.` };
  }
}
