import { formatWait } from '../../frontend-common/format';
import { useApp } from './app-context';

/**
 * Ticks every second, so it is a timer (not announced as it changes) outside the lock badge's
 * live region; a screen reader user reads it when they choose to.
 */
export function OfferCountdown({ expiresAt }: { expiresAt: string }) {
  const { now } = useApp();
  const left = Date.parse(expiresAt) - now.value;
  return (
    <p class="offer-countdown" role="timer">
      {left > 0 ? (
        <>
          Accept within <time dateTime={expiresAt}>{formatWait(left)}</time>, or it goes to the next operator.
        </>
      ) : (
        'The offer has lapsed; it is going to the next operator.'
      )}
    </p>
  );
}
