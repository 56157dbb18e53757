import { PROTOCOL_CLOSE_CODE } from '../../../shared/protocol-version';

/** How long a new socket may stay silent before its hello; a real client says it within milliseconds. */
export const HELLO_DEADLINE_MS = 10_000;

/**
 * Closes the socket with the protocol's close code and reason `hello_timeout` unless the returned
 * function is called (on a valid hello, or on close) within `ms`: an idle connection must not hold a
 * slot, a subscription or memory forever.
 */
export function helloDeadline(socket: { close(code: number, reason: string): void }, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = setTimeout(() => socket.close(PROTOCOL_CLOSE_CODE, 'hello_timeout'), ms);
  timer.unref();
  // Dropped once said: a cleared timer the closure still held would stay on the heap as long as the socket.
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
