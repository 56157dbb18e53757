import { useSignal } from '@preact/signals';
import { claimLabel } from '../models/lock-rules';
import { IntentForm } from './IntentForm';
import { TransferForm } from './TransferForm';
import { useApp } from './app-context';

export function ActionBar() {
  const { conversation } = useApp();
  const allowed = conversation.allowed.value;
  const busy = conversation.busy.value;
  const note = useSignal('');
  const error = conversation.actionError.value;
  const withNote = (run: (text: string) => Promise<void>) => async () => {
    await run(note.peek());
    if (!conversation.actionError.peek()) note.value = '';
  };
  return (
    <div class="actions">
      <div class="action-row">
        <button type="button" class="primary" disabled={!allowed.claim || busy !== null} onClick={() => void conversation.claim()}>
          {claimLabel(conversation.lock.value)}
        </button>
        <button type="button" disabled={!allowed.bargeIn || busy !== null} onClick={() => void conversation.bargeIn()}>
          Barge in
        </button>
        {allowed.takeOver ? (
          <button type="button" disabled={busy !== null} onClick={() => void conversation.takeOver()}>
            Take over
          </button>
        ) : null}
        <button type="button" disabled={!allowed.returnToBot || busy !== null} onClick={withNote(conversation.returnToBot)}>
          Return to bot
        </button>
        <button type="button" disabled={!allowed.resolve || busy !== null} onClick={withNote(conversation.resolve)}>
          Resolve
        </button>
      </div>
      <div class="field">
        <label for="action-note">Note for the audit trail (optional)</label>
        <input
          id="action-note"
          type="text"
          maxLength={1000}
          aria-describedby="action-note-hint"
          value={note.value}
          onInput={(e) => (note.value = e.currentTarget.value)}
        />
        <p id="action-note-hint" class="muted">
          Sent with Transfer, Return to bot and Resolve.
        </p>
      </div>
      <TransferForm note={note} />
      <IntentForm />
      <p class="error" role="alert">
        {error}
      </p>
    </div>
  );
}
