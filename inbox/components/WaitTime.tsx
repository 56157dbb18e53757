import { formatWait } from '../../frontend-common/format';
import { useApp } from './app-context';

/** A ticking "waiting" time; only this small node re-renders every second. */
export function WaitTime({ since, label = 'Waiting' }: { since: string; label?: string }) {
  const { now } = useApp();
  return (
    <span class="wait">
      {label} <time dateTime={since}>{formatWait(now.value - Date.parse(since))}</time>
    </span>
  );
}
