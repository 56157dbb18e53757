import { type ConfigPath, getAt, sameValue, setAt } from '../../shared/config-paths';
import type { ConfigChange } from '../../shared/http';
import type { SiteConfig } from '../../shared/site-config';

/** The parts of Settings that save on their own, in page order (the JSON editor saves the whole config). */
export const savedSections = [
  ['handoff', 'Handoff'],
  ['triggers', 'Triggers'],
  ['topics', 'Policy topics'],
  ['examples', 'Teach by example'],
  ['queues', 'Queues'],
  ['rules', 'Handover rules'],
  ['hours', 'Hours'],
  ['bot', 'Bot'],
  ['knowledge', 'Knowledge base'],
  ['widget', 'Widget'],
  ['messages', 'Visitor messages'],
  ['saved-replies', 'Saved replies'],
  ['webhook', 'Webhook'],
  ['retention', 'Data retention'],
] as const;
export type SavedSectionId = (typeof savedSections)[number][0];

const TOPICS = ['triggers', 'policy_topic', 'topics'];
const EXAMPLES = ['triggers', 'semantic', 'examples'];

/** The paths under `prefix` in either config, less those another section owns. */
function childrenOf(prefix: ConfigPath, configs: readonly SiteConfig[], owned: readonly ConfigPath[]): ConfigPath[] {
  const keys = new Set(configs.flatMap((c) => Object.keys((getAt(c, prefix) as object | undefined) ?? {})));
  return [...keys].map((k) => [...prefix, k]).filter((p) => !owned.some((o) => sameValue(o, p)));
}

/** Nested lists whose owners differ from their parent's: split the parent into its other children. */
function triggerPaths(configs: readonly SiteConfig[]): ConfigPath[] {
  const nested = [
    ['triggers', 'policy_topic'],
    ['triggers', 'semantic'],
  ];
  return [
    ...childrenOf(['triggers'], configs, nested),
    ...childrenOf(['triggers', 'policy_topic'], configs, [TOPICS]),
    ...childrenOf(['triggers', 'semantic'], configs, [EXAMPLES]),
  ];
}

/** The config paths a section's fields edit; a save sends these and nothing else. */
export function sectionPaths(section: SavedSectionId, ...configs: SiteConfig[]): ConfigPath[] {
  switch (section) {
    case 'handoff':
      return [['handoffEnabled'], ['allowedOrigins'], ['replyTone'], ['botAnswersWhileWaiting'], ['inactivity']];
    case 'triggers':
      return triggerPaths(configs);
    case 'topics':
      return [TOPICS];
    case 'examples':
      // A topic taught by example is made here and may have no keywords: it is saved with its sentences.
      return [EXAMPLES, TOPICS];
    case 'queues':
      return [['queues'], ['defaultQueue']];
    case 'rules':
      return [['handoverRules']];
    case 'hours':
      return [['hours']];
    case 'bot':
      return childrenOf(['bot'], configs, [['bot', 'entries']]);
    case 'knowledge':
      return [['bot', 'entries']];
    case 'widget':
      return childrenOf(['widget'], configs, [['widget', 'messages']]);
    case 'messages':
      return [['widget', 'messages']];
    case 'saved-replies':
      return [['savedReplies']];
    case 'webhook':
      return [['webhook']];
    case 'retention':
      return [['retention']];
  }
}

/** What saving `section` sends: each edited path's new value beside the value it was edited from. */
export function sectionChanges(section: SavedSectionId, base: SiteConfig, draft: SiteConfig): ConfigChange[] {
  return sectionPaths(section, base, draft)
    .filter((path) => !sameValue(getAt(base, path), getAt(draft, path)))
    .map((path) => ({ path: [...path], value: getAt(draft, path), previous: getAt(base, path) }));
}

export const editedSections = (base: SiteConfig, draft: SiteConfig): SavedSectionId[] =>
  savedSections.map(([id]) => id).filter((id) => sectionChanges(id, base, draft).length > 0);

/** Does a field issue's path ("hours.weekly.mon") fall in this section? */
export const sectionHoldsPath = (section: SavedSectionId, dotted: string, config: SiteConfig) =>
  sectionPaths(section, config).some((p) => dotted === p.join('.') || dotted.startsWith(`${p.join('.')}.`));

/** `target` with the value at each of `paths` taken from `source`. */
export function withPathsFrom(target: SiteConfig, source: SiteConfig, paths: readonly ConfigPath[]): SiteConfig {
  const next = structuredClone(target) as unknown as Record<string, unknown>;
  for (const path of paths) setAt(next, path, structuredClone(getAt(source, path)));
  return next as unknown as SiteConfig;
}

/**
 * After a save or a reload brought `latest`: every path takes the latest value, except the paths of
 * sections still edited (other than `taking`), which keep both their edits and the value they were
 * edited from — so their own save is still checked against what their author saw.
 */
export function rebase(latest: SiteConfig, base: SiteConfig, draft: SiteConfig, taking: SavedSectionId | null) {
  const taken = taking ? sectionPaths(taking, base, draft) : [];
  const kept = editedSections(base, draft)
    .filter((id) => id !== taking)
    .flatMap((id) => sectionPaths(id, base, draft))
    .filter((path) => !taken.some((t) => sameValue(t, path)));
  return { base: withPathsFrom(latest, base, kept), draft: withPathsFrom(latest, draft, kept) };
}

/** What leaving Settings asks when something is not saved, naming the sections (the guard in main.tsx). */
export function leaveQuestion(edited: readonly SavedSectionId[], jsonEdited: boolean): string {
  const names = [...savedSections.filter(([id]) => edited.includes(id)).map(([, label]) => label), ...(jsonEdited ? ['JSON'] : [])];
  return `Unsaved changes in ${names.join(', ')}. Leave Settings without saving them?`;
}
