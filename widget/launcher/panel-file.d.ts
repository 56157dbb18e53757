/** The hashed panel file name (widget-panel.<hash>.js), injected by the launcher build: see scripts/build/panel-file.ts. */
declare const __BATON_PANEL_FILE__: string;
