import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { hashPanel, readPanelFile, UNHASHED_PANEL } from './scripts/build/panel-file.ts';

// One config, three front-end builds chosen by --mode (see the "build" script):
//   launcher: widget.js, the classic script site owners paste; tiny, no framework;
//   panel:    widget-panel.<hash>.js, the chat panel, imported by the launcher on first open
//             (built first: the launcher build injects its name, see scripts/build/panel-file.ts);
//   inbox:    the operator page served at /inbox.
// They are separate builds because the launcher is a classic (non-module) script
// and must not share chunks with the panel: a shared chunk would need a static import.
const out = resolve(import.meta.dirname, 'dist/public');

function buildFor(mode: string) {
  if (mode === 'launcher' || mode === 'panel') {
    const entry = mode === 'launcher' ? 'widget/launcher/main.ts' : 'widget/panel/panel.tsx';
    return {
      outDir: out,
      emptyOutDir: false,
      target: 'es2020',
      lib: {
        entry: resolve(import.meta.dirname, entry),
        formats: [mode === 'launcher' ? ('iife' as const) : ('es' as const)],
        name: 'BatonLauncher',
        fileName: () => (mode === 'launcher' ? 'widget.js' : 'widget-panel.js'),
      },
      rollupOptions: {
        output: {
          inlineDynamicImports: true,
          // No /* @__PURE__ */ or other annotations in what browsers download (tens of bytes gzip).
          comments: false,
          // The panel is a finished file for browsers, not a library for other bundlers: minify its
          // whitespace too (Vite keeps it in ES library builds so consumers can tree-shake).
          // The launcher is a classic script, decoded in the host page's charset (module scripts are
          // always UTF-8): keep it ASCII so "Chat öffnen" survives a windows-1252 page.
          ...(mode === 'panel' ? { minify: true } : { charset: 'ascii' as const }),
        },
      },
    };
  }
  return {
    outDir: resolve(out, 'inbox'),
    emptyOutDir: true,
    target: 'es2022',
  };
}

// The stylesheets are written one rule per line for review (widget/**/*-styles.ts); browsers get
// them without the line breaks.
function compactCss(): Plugin {
  return {
    name: 'baton:compact-css',
    transform(code, id) {
      if (!/[\\/]widget[\\/](?:[a-z]+[\\/])?[a-z]+-styles\.ts$/.test(id)) return null;
      return {
        code: code.replace(/(Css = `)([^`]*)`/g, (_, start: string, css: string) => `${start}${css.replace(/\n/g, '')}\``),
        map: null,
      };
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: mode === 'inbox' ? resolve(import.meta.dirname, 'inbox') : import.meta.dirname,
  base: mode === 'inbox' ? '/inbox/' : '/',
  publicDir: false,
  // The panel compiles JSX to Preact's own h(), which render() needs anyway: the automatic runtime
  // would add preact/jsx-runtime and a `children` key to every element (~90 bytes gzip).
  oxc:
    mode === 'panel'
      ? { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' }, jsxInject: "import { Fragment, h } from 'preact'" }
      : { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: mode === 'panel' ? [compactCss(), hashPanel(out)] : mode === 'launcher' ? [compactCss()] : [],
  build: buildFor(mode),
  define:
    mode === 'inbox'
      ? {}
      : {
          'process.env.NODE_ENV': JSON.stringify('production'),
          __BATON_PANEL_FILE__: JSON.stringify(mode === 'launcher' ? readPanelFile(out) : UNHASHED_PANEL),
        },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: import.meta.dirname,
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'widget/**/*.test.{ts,tsx}',
            'inbox/**/*.test.{ts,tsx}',
            'frontend-common/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: import.meta.dirname,
          include: ['server/**/*.int.test.ts', 'scripts/**/*.int.test.ts'],
          // FerretDB on two cores: files run one after another, each in its own database.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
}));
