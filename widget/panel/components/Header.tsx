import type { ChatModel } from '../../model/chat-model-types';

/** Title, the person now in the conversation (their initial too, if the site shows avatars), and the close button. */
export function Header({ model }: { model: ChatModel }) {
  const s = model.strings.value;
  const stage = model.stage.value;
  const operator = stage.kind === 'with_person' ? stage.operator : null;
  return (
    <div class="h">
      {operator && model.ui.value?.look.operatorAvatars ? (
        <span class="av" aria-hidden="true">
          {operator.initial}
        </span>
      ) : null}
      <h2>
        {s.title}
        {operator ? <small>{operator.name}</small> : null}
      </h2>
      <button type="button" class="ib" aria-label={s.closeLabel} onClick={model.close}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}
