import type { Callback } from '../../shared/operator-protocol';
import { formatClock, formatTime } from '../../frontend-common/format';
import { callbackDue } from '../models/callback-rules';
import { formatRoute } from '../route';
import { useApp } from './app-context';

const dueText = { overdue: 'Overdue', due: 'Due now', upcoming: 'Upcoming', done: 'Done' } as const;

export function CallbackRow({ callback: cb, selected }: { callback: Callback; selected: boolean }) {
  const { callbacks, inbox, now } = useApp();
  const name = cb.visitorName ?? inbox.get(cb.conversationId)?.visitorName ?? 'Visitor';
  const due = callbackDue(cb, now.value);
  const busy = callbacks.busyId.value === cb.callbackId;
  const zone = cb.visitorTimeZone ?? undefined;
  return (
    <li class={`row callback due-${due}`}>
      <p class="row-title">
        <strong>{name}</strong> <span class={`badge ${due}`}>{dueText[due]}</span>{' '}
        {cb.slot ? (
          <span>
            {formatTime(cb.slot.start)} to {formatClock(cb.slot.end)}
            {zone ? ` (visitor's time: ${formatClock(cb.slot.start, zone)} to ${formatClock(cb.slot.end, zone)}, ${zone})` : ''}
          </span>
        ) : (
          <span>No time chosen (asked {formatTime(cb.createdAt)})</span>
        )}
      </p>
      <p class="row-meta">
        {cb.contact.kind === 'phone' ? 'Phone' : 'Email'}:{' '}
        <a href={cb.contact.kind === 'phone' ? `tel:${cb.contact.value.replace(/[^+0-9]/g, '')}` : `mailto:${cb.contact.value}`}>
          {cb.contact.value}
        </a>
      </p>
      {cb.note ? <p class="row-preview">Note: {cb.note}</p> : null}
      <p class="row-actions">
        <a href={formatRoute({ section: 'callbacks', conversationId: cb.conversationId })} aria-current={selected ? 'true' : undefined}>
          Open conversation<span class="sr-only"> with {name}</span>
        </a>
        {cb.status === 'pending' ? (
          <button type="button" disabled={busy} onClick={() => void callbacks.markDone(cb.callbackId)}>
            Mark done
            <span class="sr-only">
              : callback to {name}, {cb.contact.value}
            </span>
          </button>
        ) : (
          <span class="muted">Done {cb.doneAt ? formatTime(cb.doneAt) : ''}</span>
        )}
      </p>
    </li>
  );
}
