import type { Turn, VisitorSignals } from '../handoff-decision';
import type { CompiledTriggers } from './compile';
import { applyTurn, type ConversationState, startConversation } from './conversation-state';

/**
 * States folded so far, by the exact inputs that produced them: the decision after each message
 * replays the conversation's window, so the next call finds the state one or two turns back and
 * folds only the new turns. A trie keyed by the start (visitor signals, facts) and then by every
 * turn as given (text, bot meta, meaning), so a different input can never meet a stale state.
 */
interface Node {
  next: Map<string, Node>;
  state: ConversationState | null;
}

/** Past this many nodes a site's trie starts over (a memory bound; a miss only costs a replay). */
const MAX_NODES = 20_000;
const tries = new WeakMap<CompiledTriggers, { root: Map<string, Node>; nodes: number }>();

/** A copy to fold into without touching the cached state: fields are replaced, and the map and arrays copied. */
const copyOf = (state: ConversationState): ConversationState => ({
  ...state,
  facts: { ...state.facts },
  fired: new Map(state.fired),
  topics: [...state.topics],
});

export function foldTurns(
  compiled: CompiledTriggers,
  visitor: VisitorSignals,
  facts: Record<string, string>,
  turns: readonly Turn[],
): ConversationState {
  let trie = tries.get(compiled);
  if (!trie || trie.nodes > MAX_NODES) {
    trie = { root: new Map(), nodes: 0 };
    tries.set(compiled, trie);
  }
  const path: Node[] = [];
  let level = trie.root;
  for (const key of [JSON.stringify([visitor, facts]), ...turns.map((t) => JSON.stringify(t))]) {
    let node = level.get(key);
    if (!node) {
      node = { next: new Map(), state: null };
      level.set(key, node);
      trie.nodes++;
    }
    path.push(node);
    level = node.next;
  }
  // path[0] is the start, path[i] the state after turns[i - 1].
  let at = path.length - 1;
  while (at >= 0 && path[at]?.state === null) at--;
  const held = at >= 0 ? path[at]?.state : null;
  const state = held ? copyOf(held) : startConversation(visitor, facts, compiled);
  for (let i = Math.max(0, at); i < turns.length; i++) applyTurn(state, turns[i] as Turn);
  const last = path[path.length - 1] as Node;
  if (last.state === null) last.state = copyOf(state);
  return state;
}
