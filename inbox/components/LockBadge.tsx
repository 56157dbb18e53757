import { lockLabel } from '../models/lock-rules';
import { OfferCountdown } from './OfferCountdown';
import { useApp } from './app-context';

/** Announced politely: "Claimed by Ana" must reach a screen reader user who was about to claim. */
export function LockBadge() {
  const { conversation, directory } = useApp();
  const lock = conversation.lock.value;
  if (!lock) return null;
  return (
    <>
      <p class={`lock lock-${lock.kind}`} aria-live="polite" aria-atomic="true">
        {lockLabel(lock, directory.queueName)}
      </p>
      {lock.kind === 'offered_to_me' ? <OfferCountdown expiresAt={lock.expiresAt} /> : null}
    </>
  );
}
