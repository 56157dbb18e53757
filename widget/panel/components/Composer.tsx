import { attachmentAccept } from '../../../shared/attachment-types';
import { MAX_MESSAGE_CHARS } from '../../../shared/protocol-version';
import type { ChatModel } from '../../model/chat-model-types';

/** The message box; it works offline too (messages wait in the outbox), and "Talk to a person". A file is attached with the clip or pasted (a screenshot). */
export function Composer({ model }: { model: ChatModel }) {
  const s = model.strings.value;
  const send = (event: Event) => {
    event.preventDefault();
    model.send();
  };
  return (
    <>
      {model.canAskForPerson.value ? (
        <button type="button" class="b2 ak" disabled={!model.online.value || model.busy.value === 'handoff'} onClick={model.askForPerson}>
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
          onPaste={(event) => {
            const file = event.clipboardData?.files[0];
            if (!file) return;
            event.preventDefault();
            model.attach(file, file.name || 'screenshot.png');
          }}
          onKeyDown={(event) => {
            // Enter sends, Shift+Enter breaks the line; never while an IME is composing.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
          }}
        />
        <label class="ib at" aria-disabled={!model.online.value || model.attaching.value}>
          <input
            type="file"
            class="sr"
            accept={attachmentAccept}
            aria-label={s.attachLabel}
            disabled={!model.online.value || model.attaching.value}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) model.attach(file, file.name);
              input.value = '';
            }}
          />
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d="M20 11.5l-8 8a5 5 0 01-7-7l8.5-8.5a3.3 3.3 0 014.7 4.7L9.7 17.2a1.7 1.7 0 01-2.4-2.4L15 7"
              stroke="currentColor"
              stroke-width="2"
              fill="none"
              stroke-linecap="round"
            />
          </svg>
        </label>
        <button type="submit" class="bt">
          {s.send}
        </button>
      </form>
    </>
  );
}
