import type { Urgency } from '../../../shared/entities';

const ORDER: readonly Urgency[] = ['low', 'normal', 'high', 'urgent'];

export function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
