import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BANK_SUBDIR = join('data', 'handoff-examples');

/**
 * Where the example bank lives: BATON_DATA_DIR/handoff-examples when set, otherwise the first
 * data/handoff-examples above the running module. One rule for the sources (server/meaning/)
 * and the built server (dist/server/main.js), which sit at different depths.
 */
export function locateExampleBank(env: NodeJS.ProcessEnv = process.env, from: string = fileURLToPath(import.meta.url)): string {
  if (env.BATON_DATA_DIR) return resolve(env.BATON_DATA_DIR, 'handoff-examples');
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, BANK_SUBDIR);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`example bank not found above ${from}: set BATON_DATA_DIR to the folder holding handoff-examples/`);
  }
}
