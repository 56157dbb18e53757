import type { RequiredFactsRule } from './config/triggers';
import type { VisitorMessageKey, VisitorStrings } from './visitor-messages';

// Types only: the widget imports this at runtime and bundles no zod.
export type RequiredFact = RequiredFactsRule['facts'][number];

// Every fact a site can require has its sentence "fact" + Key ("factOrderNumber"): this line stops
// the type check when a fact is added to the config without one.
const everyFactHasALabel: `fact${Capitalize<RequiredFact>}` extends VisitorMessageKey ? true : never = true;
void everyFactHasALabel;

/**
 * What the visitor reads for a required fact ("orderNumber" -> "order number"), in the language of
 * `strings`. A key without a sentence of its own (a site's own fact, or one added before its
 * translation) is spelled out from its id rather than shown as one.
 */
export function factLabel(strings: Partial<VisitorStrings>, key: string): string {
  const own = strings[`fact${key.charAt(0).toUpperCase()}${key.slice(1)}` as VisitorMessageKey];
  return (
    own ||
    key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .trim()
      .toLowerCase()
  );
}
