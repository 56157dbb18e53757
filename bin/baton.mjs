#!/usr/bin/env node
// The `baton` command (package.json "bin"). From a checkout with dev dependencies it runs the
// TypeScript sources through tsx, so it never lags behind them; without them (a production install:
// `npm ci --omit=dev`, the Docker image) it runs the build, dist/server/cli.js (`npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'server/cli/main.ts');
const built = join(root, 'dist/server/cli.js');

async function tsxAvailable() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    return true;
  } catch {
    return false;
  }
}

if (existsSync(sources) && (await tsxAvailable())) {
  await import(pathToFileURL(sources).href);
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  console.error('error: baton is not built: run `npm run build` (or `npm ci` to run it from the sources)');
  process.exit(2);
}
