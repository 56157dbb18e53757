import type { Message } from '../../shared/entities';
import { formatClock, formatTime } from '../../frontend-common/format';
import { transcriptDays } from '../models/transcript-days';
import { useApp } from './app-context';
import { useFollowScroll } from './use-follow-scroll';
import { AttachmentView } from './AttachmentView';

const who: Record<Message['sender']['kind'], string> = {
  visitor: 'Visitor',
  bot: 'Bot',
  operator: 'Operator',
  system: 'System',
};

function Time({ at }: { at: string }) {
  return (
    <time dateTime={at} title={formatTime(at)}>
      {formatClock(at)}
    </time>
  );
}

/** Text is rendered as text nodes, never as HTML: visitors type whatever they like. */
export function Transcript() {
  const { conversation, session } = useApp();
  const detail = conversation.detail.value;
  const pending = conversation.composer.pending.value;
  const messages = detail?.messages ?? [];
  const notes = detail?.notes ?? [];
  const last = messages.at(-1);
  const lastNote = notes.at(-1);
  const meId = session.meId.value;
  // The operator's own reply or note brings the log to its end even when they had scrolled up.
  const ownNews =
    pending.length > 0 ||
    (lastNote !== undefined && lastNote.author.operatorId === meId && (!last || lastNote.createdAt >= last.createdAt)) ||
    (last?.sender.kind === 'operator' && last.sender.id === meId);
  const follow = useFollowScroll(conversation.openId.value, messages.length + notes.length + pending.length, ownNews);
  if (!detail) return null;
  const days = transcriptDays(messages, notes, Date.now());
  return (
    <section class="transcript" aria-labelledby="transcript-title">
      <h3 id="transcript-title" class="sr-only">
        Transcript
      </h3>
      {/* role="log" is a polite live region: new messages are read out, the backlog is not.
          Focusable so a keyboard user can scroll it (nothing inside takes focus). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <div role="log" aria-labelledby="transcript-title" class="log" ref={follow.log} onScroll={follow.onScroll} tabIndex={0}>
        {days.map((day) => (
          <section key={day.day} class="day" aria-label={day.label}>
            <h4 class="day-label">{day.label}</h4>
            <ol>
              {day.entries.map((e) =>
                e.kind === 'note' ? (
                  <li key={e.key} class="msg msg-note">
                    <p class="msg-meta">
                      <span class="sender">{e.note.author.name}</span> <span class="kind">(internal note, operators only)</span>{' '}
                      <Time at={e.note.createdAt} />
                    </p>
                    <p class="msg-text">{e.note.text}</p>
                  </li>
                ) : (
                  <li key={e.key} class={`msg msg-${e.message.sender.kind}`}>
                    <p class="msg-meta">
                      <span class="sender">{e.message.sender.name ?? who[e.message.sender.kind]}</span>
                      {e.message.sender.name && e.message.sender.kind !== 'visitor' ? (
                        <span class="kind"> ({who[e.message.sender.kind]})</span>
                      ) : null}{' '}
                      <Time at={e.message.createdAt} />
                    </p>
                    {e.message.attachment ? <AttachmentView file={e.message.attachment} /> : <p class="msg-text">{e.message.text}</p>}
                  </li>
                ),
              )}
            </ol>
          </section>
        ))}
        {pending.length > 0 ? (
          <ol aria-label="Sending">
            {pending.map((p) => (
              <li key={p.clientMessageId} class="msg msg-operator pending">
                <p class="msg-meta">
                  <span class="sender">You</span> <span class="kind">(sending…)</span>
                </p>
                <p class="msg-text">{p.text}</p>
              </li>
            ))}
          </ol>
        ) : null}
        {conversation.visitorTyping.value ? <p class="typing">The visitor is typing…</p> : null}
      </div>
      {follow.unseen > 0 ? (
        <button type="button" class="new-messages" onClick={follow.toEnd}>
          {follow.unseen === 1 ? '1 new message' : `${follow.unseen} new messages`} ↓
        </button>
      ) : null}
    </section>
  );
}
