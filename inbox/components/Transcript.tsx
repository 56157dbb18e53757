import type { Message } from '../../shared/entities';
import { formatTime } from '../../frontend-common/format';
import { useApp } from './app-context';
import { AttachmentView } from './AttachmentView';

const who: Record<Message['sender']['kind'], string> = {
  visitor: 'Visitor',
  bot: 'Bot',
  operator: 'Operator',
  system: 'System',
};

/** Text is rendered as text nodes, never as HTML: visitors type whatever they like. */
export function Transcript() {
  const { conversation } = useApp();
  const detail = conversation.detail.value;
  if (!detail) return null;
  const pending = conversation.composer.pending.value;
  return (
    <section class="transcript" aria-labelledby="transcript-title">
      <h3 id="transcript-title">Transcript</h3>
      {/* role="log" is a polite live region: new messages are read out, the backlog is not. */}
      <div role="log" aria-labelledby="transcript-title" class="log">
        <ol>
          {detail.messages.map((m) => (
            <li key={m.seq} class={`msg msg-${m.sender.kind}`}>
              <p class="msg-meta">
                <span class="sender">{m.sender.name ?? who[m.sender.kind]}</span>
                {m.sender.name && m.sender.kind !== 'visitor' ? <span class="kind"> ({who[m.sender.kind]})</span> : null}{' '}
                <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
              </p>
              {m.attachment ? <AttachmentView file={m.attachment} /> : <p class="msg-text">{m.text}</p>}
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.clientMessageId} class="msg msg-operator pending">
              <p class="msg-meta">
                <span class="sender">You</span> <span class="kind">(sending…)</span>
              </p>
              <p class="msg-text">{p.text}</p>
            </li>
          ))}
        </ol>
        {conversation.visitorTyping.value ? <p class="typing">The visitor is typing…</p> : null}
      </div>
    </section>
  );
}
