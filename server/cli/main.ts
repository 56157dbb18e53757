// `baton …`: the command line over the admin flows (server/flows/admin), for whoever holds MONGODB_URI.
// Runs from the sources through tsx (bin/baton.mjs) or from the build as dist/server/cli.js.
import { MongoServerError } from 'mongodb';
import { CodedError } from '../coded-error';
import { createFlowDeps } from '../composition';
import { DatabaseEnv } from '../config';
import { createHub } from '../realtime/create-hub';
import { createLogger } from '../security/log-redaction';
import { createSmtpMailer } from '../services/mail/mailer';
import { connectDatabase } from '../store/database';
import { runCommand } from './commands';
import { parseCommand, USAGE, UsageError } from './parse';

/** Exit codes: 0 done, 1 refused by a rule (unknown site, duplicate…), 2 bad input or environment, 3 database unreachable. */
async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const env = DatabaseEnv.safeParse(process.env);
  if (!env.success) throw new UsageError(env.error.issues[0]!.message);
  const { MONGODB_URI, MONGODB_DB, PUBLIC_URL, PORT, EVENT_BUS, SMTP_URL, MAIL_FROM } = env.data;
  const baseUrl = (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
  // Errors only, on stderr: stdout carries the command's answer (links, keys) for scripts to read.
  const log = createLogger('error', process.stderr as never);
  let connection: Awaited<ReturnType<typeof connectDatabase>>;
  try {
    connection = await connectDatabase(MONGODB_URI, MONGODB_DB);
  } catch (error) {
    console.error(
      `error: cannot reach the database at MONGODB_URI (${(error as Error).message.split('\n')[0]}); is it running, and is the URI right?`,
    );
    return 3;
  }
  const { client, db } = connection;
  // The bus hub, as the server runs: a removal ends sessions and a rotation clears site caches on every running instance.
  const hub = createHub(db, log, { mode: EVENT_BUS });
  const mailer = SMTP_URL ? createSmtpMailer(SMTP_URL, MAIL_FROM) : null;
  const deps = createFlowDeps(db, log, undefined, { hub, mailer, siteCacheMs: 0 });
  try {
    await deps.store.ensureIndexes();
    await hub.start();
    console.log(await runCommand(deps, command, baseUrl));
    return 0;
  } finally {
    await hub.close();
    mailer?.close();
    await client.close();
  }
}

function oneLine(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: error.message, code: 2 };
  if (error instanceof CodedError) return { message: error.message, code: error.code === 'invalid_request' ? 2 : 1 };
  if (error instanceof MongoServerError && error.code === 11000)
    return { message: 'that already exists (a duplicate key); `baton site list` shows what is there', code: 1 };
  return { message: (error as Error)?.message?.split('\n')[0] ?? String(error), code: 1 };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const { message, code } = oneLine(error);
    console.error(`error: ${message}`);
    process.exit(code);
  },
);
