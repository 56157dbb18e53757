import type { ReadonlySignal } from '@preact/signals-core';
import type { CallbackContact, CallbackSlot, Identity, Message, VisitorContext } from '../../shared/entities';
import type { VisitorStrings, WidgetLocale } from '../../shared/visitor-messages';
import type { AttachmentRef } from '../../shared/attachments';
import type { ErrorCode } from '../../shared/errors';
import type { VisitorConversationView, VisitorTeam, WidgetUi } from '../../shared/visitor-protocol';
import type { Clock } from '../../frontend-common/clock';
import type { ConnectionStatus, VisitorConnection } from '../connection/connection';
import type { Stage } from './conversation-stage';
import type { Notice } from './notice';
import type { ActionKind } from './pending-action';
import type { BatonEventName } from '../embed-contract';
import type { OutboxEntry, VisitorStore } from './visitor-storage';

export interface ChatModelOptions {
  connection: VisitorConnection;
  store: VisitorStore;
  clock: Clock;
  random?: () => number;
  newId(): string;
  /** Read at every `hello`: page URL, referrer, locale, time zone, and nothing else of the host page. */
  context(): VisitorContext;
  /** The few words shown until the server's `welcome` brings the site's own (fallback-strings.ts). */
  fallbackStrings: Partial<VisitorStrings>;
  notify?(name: BatonEventName, detail?: unknown): void;
  /** Files over HTTP (the socket carries only text): upload answers null or the refusal's code. */
  files?: FileTransport;
  /** A person wrote (live, not history): the panel may flag a hidden tab. */
  onPersonReply?(): void;
}

export interface FileTransport {
  upload(file: Blob, name: string, clientMessageId: string): Promise<ErrorCode | null>;
  read(id: string): Promise<Blob>;
}

export interface ChatModel {
  status: ReadonlySignal<ConnectionStatus>;
  /** Connected and past `welcome`: commands sent now are answered. */
  online: ReadonlySignal<boolean>;
  ui: ReadonlySignal<WidgetUi | null>;
  strings: ReadonlySignal<VisitorStrings>;
  locale: ReadonlySignal<WidgetLocale>;
  conversation: ReadonlySignal<VisitorConversationView | null>;
  messages: ReadonlySignal<Message[]>;
  /** A bot answer still being generated, as far as it has arrived; null when none. */
  streaming: ReadonlySignal<string | null>;
  /** Typed but not yet confirmed by the server, in the order typed. */
  pending: ReadonlySignal<OutboxEntry[]>;
  stage: ReadonlySignal<Stage>;
  notice: ReadonlySignal<Notice | null>;
  operatorTyping: ReadonlySignal<boolean>;
  canAskForPerson: ReadonlySignal<boolean>;
  busy: ReadonlySignal<ActionKind | null>;
  /** Worth reconnecting on the next page without a click: a live conversation or unsent messages. */
  resumable: ReadonlySignal<boolean>;
  isOpen: ReadonlySignal<boolean>;
  unread: ReadonlySignal<number>;
  draft: ReadonlySignal<string>;
  team: ReadonlySignal<VisitorTeam | null>;
  /** A file is on its way up. */
  attaching: ReadonlySignal<boolean>;
  /** Images fetched so far, by attachment id, as object URLs. */
  fileUrls: ReadonlySignal<Record<string, string>>;
  start(): void;
  open(): void;
  close(): void;
  setDraft(text: string): void;
  send(): boolean;
  retry(clientMessageId: string): void;
  askForPerson(): boolean;
  requestCallback(request: { slot?: CallbackSlot; contact: CallbackContact; note?: string }): boolean;
  rate(score: number, comment?: string): boolean;
  identify(identity: Identity): void;
  attach(file: Blob, name: string): Promise<boolean>;
  /** Starts fetching an image for fileUrls (once); safe to call while rendering (it writes later). */
  loadImage(id: string): void;
  download(file: AttachmentRef): Promise<void>;
  dispose(): void;
}
