// The chat panel ships under a content-hashed name (widget-panel.<hash>.js, cached for a year,
// immutable); the launcher keeps its stable name and short cache and learns the panel's name at
// build time. So the panel is built first, this plugin names it and records the name in
// widget-manifest.json, and the launcher build injects that name as __BATON_PANEL_FILE__.
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { HASHED_PANEL, PANEL_MANIFEST, UNHASHED_PANEL } from '../../shared/widget-files.ts';

export { UNHASHED_PANEL };

export function hashedPanelName(code: Buffer | string): string {
  return `widget-panel.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
}

/** After the panel build: copy it to its hashed name (dropping older hashed panels of this folder) and write the manifest. */
export function hashPanel(outDir: string): Plugin {
  return {
    name: 'baton:hash-panel',
    apply: 'build',
    writeBundle() {
      const file = hashedPanelName(readFileSync(join(outDir, UNHASHED_PANEL)));
      for (const old of readdirSync(outDir))
        if (HASHED_PANEL.test(old.replace(/\.(gz|br)$/, '')) && !old.startsWith(file)) rmSync(join(outDir, old));
      copyFileSync(join(outDir, UNHASHED_PANEL), join(outDir, file));
      writeFileSync(join(outDir, PANEL_MANIFEST), `${JSON.stringify({ panel: file })}\n`);
    },
  };
}

/** The panel's published name, for the launcher build; fails with what to run when the panel is not built yet. */
export function readPanelFile(outDir: string): string {
  let manifest: { panel?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(outDir, PANEL_MANIFEST), 'utf8'));
  } catch {
    throw new Error(`${PANEL_MANIFEST} missing in ${outDir}: build the panel before the launcher (vite build --mode panel)`);
  }
  if (typeof manifest.panel !== 'string' || !HASHED_PANEL.test(manifest.panel)) throw new Error(`${PANEL_MANIFEST}: no hashed panel name`);
  return manifest.panel;
}
