/** Probes until `done` holds or `ms` passes, then returns the last value probed (the caller asserts on it). */
export async function eventually<T>(probe: () => T | Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let value = await probe();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}
