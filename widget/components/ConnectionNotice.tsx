import type { VisitorStrings } from '../../shared/visitor-messages';
import type { ChatModel, Notice } from '../chat-model-types';
import { errorPhrase, type WidgetPhrases } from '../widget-phrases';

export function noticeText(notice: Notice, s: VisitorStrings, words: WidgetPhrases): string {
  switch (notice.kind) {
    case 'failed':
      return notice.reason === 'unsupported_version' ? words.outdated : words.unavailable;
    case 'reconnecting':
      return s.reconnecting;
    case 'resync_failed':
      return s.resyncFailed;
    case 'error':
      return errorPhrase(notice.code, words);
  }
}

/** Connection trouble in words; typing stays possible, messages wait in the outbox. */
export function ConnectionNotice({ model }: { model: ChatModel }) {
  const notice = model.notice.value;
  const bad = notice?.kind === 'failed' || notice?.kind === 'error';
  // Always rendered, so the change is announced (see StageCard).
  return (
    <div role="status">
      {notice ? <p class={bad ? 'note err' : 'note'}>{noticeText(notice, model.strings.value, model.phrases.value)}</p> : null}
    </div>
  );
}
