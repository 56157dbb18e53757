import type { ComponentChildren } from 'preact';
import type { Message, SenderKind } from '../../../shared/entities';
import type { VisitorStrings } from '../../../shared/visitor-messages';
import type { ChatModel } from '../../model/chat-model-types';
import type { OutboxEntry } from '../../model/visitor-storage';
import { RichText } from './RichText';
import { AttachmentView } from './AttachmentView';
import { clockTime } from '../time-format';

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

interface BubbleProps {
  kind: SenderKind;
  who: string;
  /** The visible sender name, above the first of a run of bot or operator messages. */
  name?: string | null;
  text: string;
  /** Only while in the outbox: "Sending…" or "Not sent. Retry". */
  status?: ComponentChildren;
  /** Once stored: when, compact ("14:05"), with the full moment for assistive technology and hover. */
  at?: { iso: string; label: string };
  file?: ComponentChildren;
}

/**
 * One message; its sender kind sets the look, and a screen reader hears who said it. Confirmed
 * and pending messages are this one component with the same child slots, so a visitor's message
 * keyed by its clientMessageId keeps its node when confirmed and the log announces it once.
 */
export function Bubble({ kind, who, name, text, status, at, file }: BubbleProps) {
  return (
    <div class={status ? `m ${kind} q` : `m ${kind}`}>
      {name ? (
        <span class="w" aria-hidden="true">
          {name}
        </span>
      ) : null}
      <span class="sr">{who}: </span>
      {file ?? <RichText text={text} />}
      {status ? <span class="e">{status}</span> : null}
      {at && kind !== 'system' ? (
        <time class="tt" dateTime={at.iso} title={new Date(at.iso).toLocaleString()}>
          {at.label}
        </time>
      ) : null}
    </div>
  );
}

export function bubbleFor(message: Message, showName: boolean, model: ChatModel, locale: string) {
  const s = model.strings.value;
  const kind = message.sender.kind;
  const who = senderLabel(message, s);
  const key = kind === 'visitor' && message.clientMessageId ? message.clientMessageId : `${message.conversationId}:${message.seq}`;
  const name = showName && (kind === 'bot' || kind === 'operator') ? who : null;
  const file = message.attachment ? <AttachmentView file={message.attachment} model={model} /> : undefined;
  return (
    <Bubble
      key={key}
      kind={kind}
      who={who}
      name={name}
      text={message.text}
      at={{ iso: message.createdAt, label: clockTime(message.createdAt, locale) }}
      file={file}
    />
  );
}

/** A message still in the outbox: shown at once, marked until the server confirms it. */
export function pendingBubble(entry: OutboxEntry, model: ChatModel) {
  const s = model.strings.value;
  // "Sending…" is for the eye: the log already announced the message, and its confirmation
  // (this status disappearing) is not news. A failure is, so it stays exposed.
  const status = entry.failed ? (
    <>
      {s.notSent}{' '}
      <button type="button" class="k" onClick={() => model.retry(entry.clientMessageId)}>
        {s.retry}
      </button>
    </>
  ) : (
    <span aria-hidden="true">{s.sending}</span>
  );
  return <Bubble key={entry.clientMessageId} kind="visitor" who={s.senderVisitor} text={entry.text} status={status} />;
}
