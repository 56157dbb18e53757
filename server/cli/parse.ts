import { parseArgs } from 'node:util';

export type CliCommand =
  | { kind: 'site_create'; name: string; origins: string[]; admin: string }
  | { kind: 'site_list' }
  | { kind: 'site_origins'; site: string; origins: string[] }
  | { kind: 'operator_invite'; site: string; email: string; admin: boolean }
  | { kind: 'operator_remove'; site: string; email: string }
  | { kind: 'secret_rotate'; site: string; secret: 'identity' | 'webhook' }
  | { kind: 'visitor_export'; site: string; visitor: string }
  | { kind: 'visitor_erase'; site: string; visitor: string };

/** A problem with what was typed: one line naming what to fix. */
export class UsageError extends Error {}

export const USAGE = `Usage: baton <command>
  site create --name NAME --origin https://shop.example [--origin …] --admin EMAIL
  site list
  site origins SITE --origin https://shop.example [--origin …]
  operator invite SITE EMAIL [--admin]
  operator remove SITE EMAIL
  secret rotate SITE [--identity | --webhook]
  visitor export SITE VISITOR_ID    (everything stored about one visitor, as JSON on standard output)
  visitor erase SITE VISITOR_ID     (their messages and personal data removed; audit entries kept as tombstones)
SITE is a site key or id (see \`baton site list\`). Reads MONGODB_URI and MONGODB_DB like the server; links use PUBLIC_URL.`;

const options = {
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  admin: { type: 'string' },
  identity: { type: 'boolean' },
  webhook: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Pure: argv (without node and the script) → a command, or a UsageError saying what to fix. */
export function parseCommand(argv: readonly string[]): CliCommand | 'help' {
  // `--admin` is a value for `site create` and a flag for `operator invite`: let the flag form through.
  const isInvite = argv[0] === 'operator' && argv[1] === 'invite';
  const args = isInvite ? argv.map((a) => (a === '--admin' ? '--admin=yes' : a)) : [...argv];
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (\`baton --help\` lists the commands)`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return 'help';
  const [group, verb, ...rest] = positionals;
  const need = (count: number, names: string) => {
    if (rest.length !== count)
      throw new UsageError(`\`baton ${group} ${verb}\` takes ${names}; got ${rest.length === 0 ? 'none' : rest.join(' ')}`);
  };
  const origins = values.origin ?? [];
  switch (`${group} ${verb}`) {
    case 'site create':
      need(0, 'only options');
      if (!values.name) throw new UsageError('site create needs --name "Shop name"');
      if (origins.length === 0)
        throw new UsageError('site create needs --origin https://your-shop.example (the page that embeds the widget)');
      if (!values.admin) throw new UsageError('site create needs --admin email@of.the.first.admin');
      return { kind: 'site_create', name: values.name, origins, admin: values.admin };
    case 'site list':
      need(0, 'no arguments');
      return { kind: 'site_list' };
    case 'site origins':
      need(1, 'SITE');
      if (origins.length === 0) throw new UsageError('site origins needs at least one --origin https://your-shop.example');
      return { kind: 'site_origins', site: rest[0]!, origins };
    case 'operator invite':
      need(2, 'SITE EMAIL');
      return { kind: 'operator_invite', site: rest[0]!, email: rest[1]!, admin: values.admin !== undefined };
    case 'operator remove':
      need(2, 'SITE EMAIL');
      return { kind: 'operator_remove', site: rest[0]!, email: rest[1]! };
    case 'secret rotate':
      need(1, 'SITE');
      if (values.identity && values.webhook)
        throw new UsageError('secret rotate rotates one secret at a time: give --identity or --webhook, not both');
      return { kind: 'secret_rotate', site: rest[0]!, secret: values.webhook ? 'webhook' : 'identity' };
    case 'visitor export':
      need(2, 'SITE VISITOR_ID');
      return { kind: 'visitor_export', site: rest[0]!, visitor: rest[1]! };
    case 'visitor erase':
      need(2, 'SITE VISITOR_ID');
      return { kind: 'visitor_erase', site: rest[0]!, visitor: rest[1]! };
    default:
      throw new UsageError(`unknown command "${positionals.slice(0, 2).join(' ')}" (\`baton --help\` lists the commands)`);
  }
}
