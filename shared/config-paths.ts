/**
 * Paths into a site config (["triggers", "policy_topic", "topics"]): a section of Settings saves only
 * the paths it owns, each with the value it was edited from, so the server can refuse a save over
 * someone else's newer edit to the same paths and keep their edits to every other path.
 */
export type ConfigPath = readonly string[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function getAt(root: unknown, path: ConfigPath): unknown {
  let node = root;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets (or, for undefined, removes) the value at `path` in place, creating objects on the way. */
export function setAt(root: Record<string, unknown>, path: ConfigPath, value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecord(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** JSON with keys sorted: the same settings compare equal whatever order the database kept their keys in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);
