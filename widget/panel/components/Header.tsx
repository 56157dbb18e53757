import { fill } from '../../../frontend-common/format';
import type { ChatModel } from '../../model/chat-model-types';
import type { ReplyAlert } from '../reply-alert';
import { spokenDuration } from '../time-format';

/**
 * Title, who answers (the person now in the conversation, else the team's initials and their
 * measured pace, said only when there is enough data), the sound switch and the close button.
 */
export function Header({ model, alert }: { model: ChatModel; alert: ReplyAlert }) {
  const s = model.strings.value;
  const stage = model.stage.value;
  const operator = stage.kind === 'with_person' ? stage.operator : null;
  const team = model.team.value;
  const faces = operator ? [operator] : model.ui.value?.handoffEnabled ? (team?.members ?? []) : [];
  const minutes = team?.replyMinutes;
  const subtitle = operator
    ? operator.name
    : minutes && model.ui.value?.handoffEnabled
      ? fill(s.repliesIn, { time: spokenDuration(minutes, model.locale.value) })
      : null;
  return (
    <div class="h">
      {faces.length && model.ui.value?.look.operatorAvatars ? (
        <span class="tm" aria-hidden="true">
          {faces.map((face) => (
            <span class="av" key={face.name}>
              {face.initial}
            </span>
          ))}
        </span>
      ) : null}
      <h2>
        {s.title}
        {subtitle ? <small>{subtitle}</small> : null}
      </h2>
      <button type="button" class="ib" aria-label={s.soundLabel} aria-pressed={alert.sound.value} onClick={alert.toggleSound}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
          {alert.sound.value ? (
            <path
              d="M16 8.5a5 5 0 010 7M18.5 6a8.5 8.5 0 010 12"
              stroke="currentColor"
              stroke-width="2"
              fill="none"
              stroke-linecap="round"
            />
          ) : (
            <path d="M16 9l6 6M22 9l-6 6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          )}
        </svg>
      </button>
      <button type="button" class="ib" aria-label={s.closeLabel} onClick={model.close}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}
