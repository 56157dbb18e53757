import type { Presence } from '../../shared/operator-protocol';

/** An operator's presence and whether they set it themselves (the toggle) or the server did. */
export interface PresenceState {
  presence: Presence;
  byChoice: boolean;
}

/** "Away" chosen with the toggle survives a closed inbox and its later "offline". */
const choseAway = (s: PresenceState) => s.presence !== 'online' && s.byChoice;

/** Opening the inbox: online again, unless the operator chose "away" themselves. Null: no change. */
export function presenceOnReturn(s: PresenceState): PresenceState | null {
  if (choseAway(s)) return s.presence === 'away' ? null : { presence: 'away', byChoice: true };
  return s.presence === 'online' ? null : { presence: 'online', byChoice: false };
}

/**
 * The inbox has been closed for a while: after a short grace an online operator counts as away
 * (a reload is not a departure), later everyone not offline goes offline. Null: no change.
 */
export function presenceWhenGone(s: PresenceState, stage: 'away' | 'offline'): PresenceState | null {
  if (stage === 'away') return s.presence === 'online' ? { presence: 'away', byChoice: false } : null;
  return s.presence === 'offline' ? null : { presence: 'offline', byChoice: choseAway(s) };
}
