import { useSignal } from '@preact/signals';
import { claimLabel } from '../models/lock-rules';
import { ActionDialog } from './ActionDialog';
import { TransferTarget, transferTargetOf } from './TransferForm';
import { useApp } from './app-context';

type DialogName = 'transfer' | 'returnToBot' | 'resolve';

const noteOf = (form: FormData) => String(form.get('note') ?? '');

/** One compact row of what can be done now; the actions that take a note open a small dialog. */
export function ConversationToolbar({ caseOpen, onToggleCase }: { caseOpen: boolean; onToggleCase(): void }) {
  const { conversation } = useApp();
  const allowed = conversation.allowed.value;
  const busy = conversation.busy.value;
  const lock = conversation.lock.value;
  const dialog = useSignal<DialogName | null>(null);
  const error = conversation.actionError.value;
  const resolved = lock?.kind === 'resolved';
  const mine = lock?.kind === 'mine';

  const open = (name: DialogName) => () => {
    conversation.dismissError();
    dialog.value = name;
  };
  const done = async () => !conversation.actionError.peek();

  return (
    <div class="toolbar">
      {resolved || mine ? null : (
        <button type="button" class="primary" disabled={!allowed.claim || busy !== null} onClick={() => void conversation.claim()}>
          {claimLabel(lock)}
        </button>
      )}
      {lock?.kind === 'bot' ? (
        <button type="button" disabled={!allowed.bargeIn || busy !== null} onClick={() => void conversation.bargeIn()}>
          Barge in
        </button>
      ) : null}
      {allowed.takeOver ? (
        <button type="button" disabled={busy !== null} onClick={() => void conversation.takeOver()}>
          Take over
        </button>
      ) : null}
      {allowed.transfer ? (
        <button type="button" aria-haspopup="dialog" disabled={busy !== null} onClick={open('transfer')}>
          Transfer…
        </button>
      ) : null}
      {allowed.returnToBot ? (
        <button type="button" aria-haspopup="dialog" disabled={busy !== null} onClick={open('returnToBot')}>
          Return to bot…
        </button>
      ) : null}
      {allowed.resolve ? (
        <button type="button" aria-haspopup="dialog" disabled={busy !== null} onClick={open('resolve')}>
          Resolve…
        </button>
      ) : null}
      <button type="button" class="case-toggle" aria-expanded={caseOpen} aria-controls="case-panel" onClick={onToggleCase}>
        {caseOpen ? 'Hide case' : 'Show case'}
      </button>
      <p class="error toolbar-error" role="alert">
        {dialog.value ? null : error}
      </p>

      <ActionDialog
        id="transfer-dialog"
        title="Transfer the conversation"
        confirmLabel="Transfer"
        open={dialog.value === 'transfer'}
        busy={busy !== null}
        error={error}
        onClose={() => (dialog.value = null)}
        onConfirm={async (form) => {
          const target = transferTargetOf(String(form.get('target') ?? ''));
          if (!target) return false;
          await conversation.transfer(target, noteOf(form));
          return done();
        }}
      >
        <TransferTarget />
      </ActionDialog>
      <ActionDialog
        id="return-dialog"
        title="Return the conversation to the bot"
        confirmLabel="Return to bot"
        open={dialog.value === 'returnToBot'}
        busy={busy !== null}
        error={error}
        onClose={() => (dialog.value = null)}
        onConfirm={async (form) => {
          await conversation.returnToBot(noteOf(form));
          return done();
        }}
      />
      <ActionDialog
        id="resolve-dialog"
        title="Resolve the conversation"
        confirmLabel="Resolve"
        open={dialog.value === 'resolve'}
        busy={busy !== null}
        error={error}
        onClose={() => (dialog.value = null)}
        onConfirm={async (form) => {
          await conversation.resolve(noteOf(form));
          return done();
        }}
      />
    </div>
  );
}
