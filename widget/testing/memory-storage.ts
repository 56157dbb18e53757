/** localStorage for tests; two stores over one MemoryStorage behave like two tabs. */
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

/** What the browser delivers to the *other* tabs after a write. */
export function storageEvent(key: string): Event {
  return Object.assign(new Event('storage'), { key });
}
