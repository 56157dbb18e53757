import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HASHED_PANEL, PANEL_MANIFEST, UNHASHED_PANEL } from '../../../shared/widget-files';

/** The panel the current launcher loads, from the build's manifest (the unhashed copy when there is none). */
export function currentPanelFile(root: string): string {
  try {
    const { panel } = JSON.parse(readFileSync(join(root, PANEL_MANIFEST), 'utf8')) as { panel?: unknown };
    return typeof panel === 'string' && HASHED_PANEL.test(panel) ? panel : UNHASHED_PANEL;
  } catch {
    return UNHASHED_PANEL;
  }
}

/**
 * A launcher cached before a deploy asks for the previous build's hashed panel, which this build
 * no longer has: send it to the current panel (which keeps the launcher/panel contract of
 * widget/embed-contract.ts and speaks a protocol version the server accepts) rather than a 404.
 */
export function redirectStalePanels(app: FastifyInstance, root: string): void {
  const current = `/${currentPanelFile(root)}`;
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const name = path.slice(1);
    if (!HASHED_PANEL.test(name) || existsSync(join(root, name))) return;
    return reply
      .header('Cache-Control', 'no-cache')
      .header('Access-Control-Allow-Origin', '*')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .redirect(current, 302);
  });
}
