import type { ChatModel } from '../../model/chat-model-types';
import { noticeText } from '../../model/notice';

/** Connection trouble in words; typing stays possible, messages wait in the outbox. */
export function ConnectionNotice({ model }: { model: ChatModel }) {
  const notice = model.notice.value;
  const bad = notice?.kind === 'failed' || notice?.kind === 'error';
  // Always rendered, so the change is announced (see StageCard).
  return <div role="status">{notice ? <p class={bad ? 'nt er' : 'nt'}>{noticeText(notice, model.strings.value)}</p> : null}</div>;
}
