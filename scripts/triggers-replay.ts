// Replays recorded conversations through the trigger engine: one JSON decision per line on
// stdout, a summary on stderr. Exit 0 when every line parsed and every `expect` agreed, 1 when
// not, 2 when the command itself could not run (arguments, files, site config).
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { SiteConfig } from '../shared/site-config';
import { replayConversation } from '../server/domain/triggers';
import { countConversation, emptyTally, summarize } from './triggers-replay/agreement';
import { parseReplayArgs, usage } from './triggers-replay/args';
import { parseConversationLine, type RecordedConversation, toOutputLine } from './triggers-replay/conversation-line';
import { meaningSource } from './judgement/meanings';
import { formatMeasures, measure, type Outcome } from './triggers-replay/measures';

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

function loadSiteConfig(path: string | null): SiteConfig {
  if (path === null) return SiteConfig.parse({});
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read site config ${path}: ${(error as Error).message}`);
  }
  const parsed = SiteConfig.safeParse(json);
  if (!parsed.success)
    fail(`invalid site config ${path}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

async function main(): Promise<void> {
  const parsedArgs = parseReplayArgs(process.argv.slice(2));
  if (!parsedArgs.ok) fail(parsedArgs.error);
  const { file, configPath } = parsedArgs.args;
  const config = loadSiteConfig(configPath);
  const input = createReadStream(file, 'utf8');
  input.on('error', (error) => fail(`cannot read ${file}: ${error.message}`));

  const tally = emptyTally();
  const recorded: RecordedConversation[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseConversationLine(line);
    if (parsed.ok) recorded.push(parsed.conversation);
    else {
      tally.badLines++;
      process.stderr.write(`line ${lineNumber}: skipped, ${parsed.error}\n`);
    }
  }
  const meanings = await meaningSource(config).catch((error: Error) => fail(`semantic layer: ${error.message}`));
  process.stderr.write(`${meanings.note}\n`);
  const embeddingStarted = performance.now();
  const inputs = await meanings.attach(recorded.map((r) => r.input)).catch((error: Error) => fail(`semantic layer: ${error.message}`));
  const embeddingMs = performance.now() - embeddingStarted;

  const started = performance.now();
  const outcomes: Outcome[] = [];
  const out: string[] = [];
  for (const [i, { id, expect }] of recorded.entries()) {
    const conversation = inputs[i] ?? recorded[i]!.input;
    const result = replayConversation(conversation, config);
    countConversation(tally, id, result, expect);
    if (expect) outcomes.push({ language: conversation.visitor.locale, expect, result });
    out.push(toOutputLine(id, result));
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  process.stderr.write(summarize(tally, performance.now() - started));
  process.stderr.write(`embedding the turns took ${Math.round(embeddingMs)} ms\n`);
  if (outcomes.length > 0) process.stderr.write(formatMeasures(measure(outcomes)));
  process.exitCode = tally.badLines > 0 || tally.agreeing < tally.withExpectation ? 1 : 0;
}

await main();
