/** A tool call as the model finished it: name and the JSON text of its arguments. */
export interface AssembledToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** One `delta.tool_calls[]` element of a chat-completions stream chunk. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

/**
 * Joins streamed tool-call fragments: the first delta of a call carries its index, id and name,
 * later ones only the index and a piece of the arguments' JSON text.
 */
export function createToolCallAssembler() {
  const calls = new Map<number, AssembledToolCall>();
  return {
    add(delta: ToolCallDelta): void {
      const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      calls.set(delta.index, call);
    },
    get size(): number {
      return calls.size;
    },
    finish(): AssembledToolCall[] {
      return [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
    },
  };
}
