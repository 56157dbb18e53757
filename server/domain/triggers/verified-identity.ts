import type { TriggerId, Urgency } from '../../../shared/entities';
import type { VisitorSignals } from '../handoff-decision';
import type { CompiledTriggers } from './compile';

export interface IdentityFiring {
  trigger: Extract<TriggerId, 'customer_tag' | 'buying_intent'>;
  evidence: string;
  urgency: Urgency;
}

const numberOf = (value: string | number | boolean | undefined): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/**
 * What the visitor's identity alone fires, before any turn: a VIP or named account, a high
 * lifetime value, a large cart. Only verified identities count: anyone can claim a tag.
 */
export function identityFirings(visitor: VisitorSignals, compiled: CompiledTriggers): IdentityFiring[] {
  if (!visitor.verified) return [];
  const { customer_tag: tags, buying_intent: buying } = compiled.config;
  const found: IdentityFiring[] = [];
  const tag = visitor.tags.find((t) => compiled.customerTags.has(t.toLowerCase()));
  const lifetime = numberOf(visitor.attributes.lifetimeValue);
  if (tags.enabled && tag) found.push({ trigger: 'customer_tag', evidence: `verified tag: ${tag}`, urgency: tags.urgency });
  else if (tags.enabled && tags.lifetimeValueAtLeast !== null && lifetime !== null && lifetime >= tags.lifetimeValueAtLeast) {
    found.push({ trigger: 'customer_tag', evidence: `lifetime value ${lifetime}`, urgency: tags.urgency });
  }
  const cart = numberOf(visitor.attributes.cartValue);
  if (buying.enabled && buying.cartValueAtLeast !== null && cart !== null && cart >= buying.cartValueAtLeast) {
    found.push({ trigger: 'buying_intent', evidence: `cart value ${cart}`, urgency: buying.urgency });
  }
  return found;
}
