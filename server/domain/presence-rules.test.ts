import { describe, expect, it } from 'vitest';
import { type PresenceState, presenceOnReturn, presenceWhenGone } from './presence-rules';

const s = (presence: PresenceState['presence'], byChoice = false): PresenceState => ({ presence, byChoice });

describe('presence when the inbox closes', () => {
  it('an online operator is away after the grace, then offline', () => {
    expect(presenceWhenGone(s('online'), 'away')).toEqual(s('away'));
    expect(presenceWhenGone(s('away'), 'offline')).toEqual(s('offline'));
  });

  it('an operator who chose "online" with the toggle is still only away once gone', () => {
    expect(presenceWhenGone(s('online', true), 'away')).toEqual(s('away'));
  });

  it('a chosen "away" is kept through the grace and remembered when going offline', () => {
    expect(presenceWhenGone(s('away', true), 'away')).toBeNull();
    expect(presenceWhenGone(s('away', true), 'offline')).toEqual(s('offline', true));
  });

  it('someone already offline stays as they are', () => {
    expect(presenceWhenGone(s('offline'), 'away')).toBeNull();
    expect(presenceWhenGone(s('offline'), 'offline')).toBeNull();
  });
});

describe('presence when the inbox opens again', () => {
  it('brings an operator online after the server set them away or offline', () => {
    expect(presenceOnReturn(s('away'))).toEqual(s('online'));
    expect(presenceOnReturn(s('offline'))).toEqual(s('online'));
  });

  it('keeps a chosen "away": no offers reach someone who said they are not there', () => {
    expect(presenceOnReturn(s('away', true))).toBeNull();
    expect(presenceOnReturn(presenceWhenGone(s('away', true), 'offline')!)).toEqual(s('away', true));
  });

  it('changes nothing for an operator already online', () => {
    expect(presenceOnReturn(s('online'))).toBeNull();
    expect(presenceOnReturn(s('online', true))).toBeNull();
  });
});
