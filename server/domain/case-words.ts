import { formatList } from '../../shared/list-format';

// Small English wording helpers for what operators read in the case package.

/** "order_status" / "orderNumber" → "order status" / "order number". */
export const words = (key: string) =>
  key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** "a", "a and b", "a, b and c": en-GB, as it puts no comma before the "and". */
export const listed = (items: string[]) => formatList(items, 'en-GB');
