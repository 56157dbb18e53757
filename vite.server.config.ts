import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The server as one ES module for plain `node` (npm start): no tsx or TypeScript at run time.
// A bundle rather than tsc's per-file emit: the sources import each other without extensions,
// which Node's ES module loader refuses. Vite is already the front end's builder, so its SSR
// build (rolldown) bundles our own files and leaves every package in node_modules external
// (they are installed in production: `npm ci --omit=dev`).
export default defineConfig({
  publicDir: false,
  build: {
    // The server, and the `baton` command line (bin/baton.mjs runs it without dev dependencies).
    ssr: true,
    outDir: resolve(import.meta.dirname, 'dist/server'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, 'server/main.ts'), cli: resolve(import.meta.dirname, 'server/cli/main.ts') },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
    },
  },
});
