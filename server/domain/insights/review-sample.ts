// The weekly review sample. Pure: the shell passes in the week's episode rows and the marks.
//
// Size: 5 handoffs per trigger and 10 bot-only conversations. Five a trigger is what one admin
// can judge in a few minutes a week and, over the first month's four weeks, 20 marks per trigger:
// enough to tell a trigger that is mostly right (precision near 0.9, ±0.13 at 95 %) from one that
// is mostly wrong, which is the decision the guide asks for ("then lower the threshold once you
// trust the routing"). Bot-only conversations are far more numerous and a miss is rarer, so they
// get twice the draw in one pool rather than per topic.
export const REVIEW_SAMPLE_SIZE = { perTrigger: 5, botOnly: 10 } as const;
export const BOT_ONLY = 'bot_only';

/** An ISO 8601 week: its name and its first (Monday) and last (Sunday) day, UTC. */
export interface IsoWeek {
  week: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The ISO week a moment falls in (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(at: Date): IsoWeek {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  const monday = day - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, from: dayOf(monday), to: dayOf(monday + 6 * DAY_MS) };
}

/** The days of a week named as 2026-W49. */
export function isoWeekNamed(name: string): IsoWeek {
  const [yearText, weekText] = name.split('-W');
  const year = Number(yearText);
  const jan4 = Date.UTC(year, 0, 4); // always in week 1
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return isoWeekOf(new Date(week1Monday + (Number(weekText) - 1) * 7 * DAY_MS));
}

/** An episode as the sample reads it. */
export interface SampleCandidate {
  _id: string;
  trigger: string;
}

/**
 * Where a candidate falls in the week's draw: a hash of site, week and episode (cyrb53, 53 bits,
 * well mixed; not for secrecy, only so reloads and instances draw the same).
 */
export function drawRank(siteId: string, week: string, episodeId: string): number {
  const text = `${siteId}\n${week}\n${episodeId}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The sample: per trigger the `perTrigger` candidates that rank first in the draw (`botOnly` of
 * the bot-only ones), plus every candidate already marked, so a mark never drops out of its week.
 * Ranked independently per episode, so an episode joining the week later displaces at most one
 * unmarked pick, and only when it ranks ahead of it.
 */
export function reviewSample<C extends SampleCandidate>(
  siteId: string,
  week: string,
  candidates: readonly C[],
  marked: ReadonlySet<string>,
  size: { perTrigger: number; botOnly: number } = REVIEW_SAMPLE_SIZE,
): C[] {
  const byTrigger = new Map<string, { c: C; rank: number }[]>();
  for (const c of candidates) {
    const list = byTrigger.get(c.trigger) ?? [];
    list.push({ c, rank: drawRank(siteId, week, c._id) });
    byTrigger.set(c.trigger, list);
  }
  const picked: C[] = [];
  for (const trigger of [...byTrigger.keys()].sort()) {
    const ranked = (byTrigger.get(trigger) ?? []).sort((a, b) => a.rank - b.rank || (a.c._id < b.c._id ? -1 : 1));
    const take = trigger === BOT_ONLY ? size.botOnly : size.perTrigger;
    ranked.forEach(({ c }, i) => {
      if (i < take || marked.has(c._id)) picked.push(c);
    });
  }
  return picked;
}

export interface MarkTally {
  trigger: string;
  verdict: 'right' | 'wrong';
}

/** Per trigger, the share of reviewed episodes marked right (for bot-only: kept with the bot rightly). */
export function reviewPrecision(
  marks: readonly MarkTally[],
): { trigger: string; right: number; wrong: number; precision: number | null }[] {
  const tally = new Map<string, { right: number; wrong: number }>();
  for (const m of marks) {
    const t = tally.get(m.trigger) ?? { right: 0, wrong: 0 };
    t[m.verdict] += 1;
    tally.set(m.trigger, t);
  }
  return [...tally.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([trigger, { right, wrong }]) => ({ trigger, right, wrong, precision: right + wrong === 0 ? null : right / (right + wrong) }));
}

/**
 * The example a wrong mark teaches: a wrong handoff is a sentence that must not hand off (`none`);
 * a missed one (bot-only, marked wrong) is an example of the reason the admin names.
 */
export function exampleFromMark(
  mark: { trigger: string; verdict: 'right' | 'wrong' },
  visitorTurn: string | null,
  label: string | undefined,
): { ok: true; label: string; text: string } | { ok: false; code: 'invalid_request'; message: string } {
  if (mark.verdict !== 'wrong')
    return { ok: false, code: 'invalid_request', message: 'Only a conversation marked wrong teaches an example; mark it wrong first.' };
  const text = visitorTurn?.trim().slice(0, 300) ?? '';
  if (text.length < 3) return { ok: false, code: 'invalid_request', message: 'This conversation has no visitor sentence to learn from.' };
  if (mark.trigger !== BOT_ONLY) return { ok: true, label: 'none', text };
  if (!label || label === 'none')
    return { ok: false, code: 'invalid_request', message: 'Pick the reason this conversation should have gone to a person.' };
  return { ok: true, label, text };
}
