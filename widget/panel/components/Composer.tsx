import { MAX_MESSAGE_CHARS } from '../../../shared/protocol-version';
import type { ChatModel } from '../../model/chat-model-types';

/** The message box; it works offline too (messages wait in the outbox), and "Talk to a person". */
export function Composer({ model }: { model: ChatModel }) {
  const s = model.strings.value;
  const send = (event: Event) => {
    event.preventDefault();
    model.send();
  };
  return (
    <>
      {model.canAskForPerson.value ? (
        <button
          type="button"
          class="b2 ak"
          disabled={!model.online.value || model.busy.value === 'handoff'}
          onClick={model.askForPerson}
        >
          {s.askForPerson}
        </button>
      ) : null}
      <form class="c" onSubmit={send}>
        <label class="sr" for="baton-message">
          {s.inputLabel}
        </label>
        <textarea
          id="baton-message"
          rows={1}
          maxLength={MAX_MESSAGE_CHARS}
          placeholder={s.inputPlaceholder}
          value={model.draft.value}
          onInput={(event) => model.setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter sends, Shift+Enter breaks the line; never while an IME is composing.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
          }}
        />
        <button type="submit" class="bt">
          {s.send}
        </button>
      </form>
    </>
  );
}
