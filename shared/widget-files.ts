// Names of the widget's built files, shared by the build (scripts/build/panel-file.ts) and the
// server's static routes.

/** The panel as the bundler writes it; still published for launchers cached before panels were hashed. */
export const UNHASHED_PANEL = 'widget-panel.js';
/** { "panel": "widget-panel.<hash>.js" }, written beside the built widget. */
export const PANEL_MANIFEST = 'widget-manifest.json';
/** The panel under its content hash: served with a year-long immutable cache. */
export const HASHED_PANEL = /^widget-panel\.[0-9a-f]{12}\.js$/;
