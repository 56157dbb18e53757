// Small English wording helpers for what operators read in the case package.

const FACT_LABELS: Record<string, string> = { orderNumber: 'order number', email: 'email address', phone: 'phone number', amount: 'amount' };

/** "order_status" / "orderNumber" → "order status" / "order number". */
export const words = (key: string) => key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export const factLabel = (key: string) => FACT_LABELS[key] ?? words(key);

/** "a", "a and b", "a, b and c". */
export const listed = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
