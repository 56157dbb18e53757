import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAlive } from './frame-guard';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A socket that answers each ping with a pong (if `answers`), and records pings and termination. */
function fakeSocket(answers: boolean) {
  const listeners: (() => void)[] = [];
  const socket = {
    pings: 0,
    terminated: false,
    ping() {
      socket.pings++;
      if (answers) for (const l of listeners) l.call(socket);
    },
    terminate() {
      socket.terminated = true;
    },
    on(_event: 'pong', listener: () => void) {
      listeners.push(listener);
    },
  };
  return socket;
}

describe('the shared keep-alive', () => {
  it('keeps sockets that answer, terminates one that missed a pong, and forgets a stopped one', () => {
    const answering = fakeSocket(true);
    const silent = fakeSocket(false);
    const stopped = fakeSocket(false);
    keepAlive(answering, 1000);
    keepAlive(silent, 1000);
    const stop = keepAlive(stopped, 1000);
    stop();
    vi.advanceTimersByTime(1000);
    expect([answering.pings, silent.pings, stopped.pings]).toEqual([1, 1, 0]);
    expect(silent.terminated).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(silent.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(answering.pings).toBe(7);
    expect(silent.pings).toBe(1);
    expect(stopped.terminated).toBe(false);
  });
});
