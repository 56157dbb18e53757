export interface ReplayArgs {
  file: string;
  configPath: string | null;
}

export const usage = 'usage: npm run --silent triggers -- FILE.jsonl [--config SITE.json]';

export function parseReplayArgs(argv: readonly string[]): { ok: true; args: ReplayArgs } | { ok: false; error: string } {
  let file: string | null = null;
  let configPath: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--config') {
      const next = argv[++i];
      if (!next) return { ok: false, error: '--config needs a file' };
      configPath = next;
    } else if (arg.startsWith('--config=')) configPath = arg.slice('--config='.length);
    else if (arg === '--') continue;
    else if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg}` };
    else if (file === null) file = arg;
    else return { ok: false, error: `unexpected argument ${arg}` };
  }
  return file === null ? { ok: false, error: 'no conversations file given' } : { ok: true, args: { file, configPath } };
}
