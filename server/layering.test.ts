import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The layering rule lives in biome.json (noRestrictedImports in overrides); these probes prove that
// `biome lint` refuses each forbidden import, and still accepts the allowed neighbour.
const root = resolve(import.meta.dirname, '..');
const probes: string[] = [];

function lintProbe(relativePath: string, source: string): { failed: boolean; output: string } {
  const path = resolve(root, relativePath);
  probes.push(path);
  writeFileSync(path, source);
  const run = spawnSync(resolve(root, 'node_modules/.bin/biome'), ['lint', '--colors=off', relativePath], { cwd: root, encoding: 'utf8' });
  return { failed: run.status !== 0, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const path of probes.splice(0)) rmSync(path, { force: true });
});

describe('layering rule', () => {
  it.each([
    ['node:crypto', "import { createHash } from 'node:crypto';\nexport const h = createHash('sha256');\n"],
    ['mongodb', "import type { Filter } from 'mongodb';\nexport type F = Filter<{ a: 1 }>;\n"],
    ['fastify', "import type { FastifyInstance } from 'fastify';\nexport type F = FastifyInstance;\n"],
    ['ws', "import type { WebSocket } from 'ws';\nexport type W = WebSocket;\n"],
    ['the store', "import type { SiteDoc } from '../store/documents';\nexport type S = SiteDoc;\n"],
  ])('fails lint when server/domain imports %s', (_what, source) => {
    const result = lintProbe('server/domain/layering-probe.ts', source);
    expect(result.failed).toBe(true);
    expect(result.output).toContain('lint/style/noRestrictedImports');
    expect(result.output).toContain('server/domain is pure rules');
  });

  it('passes lint when server/domain imports shared contracts and entities', () => {
    const result = lintProbe('server/domain/layering-probe.ts', "import type { Site } from '../entities/site';\nexport type S = Site;\n");
    expect(result.output).not.toContain('noRestrictedImports');
    expect(result.failed).toBe(false);
  });

  it('fails lint when transport imports the store', () => {
    const result = lintProbe('server/transport/layering-probe.ts', "import type { Store } from '../store';\nexport type S = Store;\n");
    expect(result.failed).toBe(true);
    expect(result.output).toContain('lint/style/noRestrictedImports');
    expect(result.output).toContain('Transport reaches the store only through a flow');
  });

  it.each(['widget', 'inbox', 'frontend-common'])('fails lint when the %s front-end code imports server code', (folder) => {
    const result = lintProbe(
      `${folder}/layering-probe.ts`,
      "import type { Site } from '../server/entities/site';\nexport type S = Site;\n",
    );
    expect(result.failed).toBe(true);
    expect(result.output).toContain('lint/style/noRestrictedImports');
    expect(result.output).toContain('never by importing server code');
  });
});
