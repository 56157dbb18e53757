import type { Message } from '../../shared/entities';
import type { VisitorStrings } from '../../shared/visitor-messages';
import type { ChatModel } from '../chat-model-types';
import type { OutboxEntry } from '../visitor-storage';
import { RichText } from './RichText';

function senderLabel(message: Message, s: VisitorStrings): string {
  switch (message.sender.kind) {
    case 'visitor':
      return s.senderVisitor;
    case 'bot':
      return message.sender.name ?? s.senderBot;
    case 'system':
      return s.senderSystem;
    case 'operator':
      return message.sender.name ?? '';
  }
}

/** One message; its sender kind sets the look, and a screen reader hears who said it. */
export function MessageBubble({ message, showName, s }: { message: Message; showName: boolean; s: VisitorStrings }) {
  const kind = message.sender.kind;
  const who = senderLabel(message, s);
  return (
    <div class={`m ${kind}`}>
      {showName && (kind === 'bot' || kind === 'operator') ? (
        <span class="w" aria-hidden="true">
          {who}
        </span>
      ) : null}
      <span class="sr">{who}: </span>
      <RichText text={message.text} />
    </div>
  );
}

/** A message still in the outbox: shown at once, marked until the server confirms it. */
export function PendingBubble({ entry, model }: { entry: OutboxEntry; model: ChatModel }) {
  const s = model.strings.value;
  return (
    <div class="m visitor q">
      <span class="sr">{s.senderVisitor}: </span>
      <RichText text={entry.text} />
      <span class="e">
        {entry.failed ? (
          <>
            {s.notSent}{' '}
            <button type="button" class="k" onClick={() => model.retry(entry.clientMessageId)}>
              {s.retry}
            </button>
          </>
        ) : (
          s.sending
        )}
      </span>
    </div>
  );
}
