import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  id: string;
  title: string;
  confirmLabel: string;
  open: boolean;
  busy: boolean;
  error: string | null;
  onClose(): void;
  /** Answers whether the action went through (the dialog then closes). */
  onConfirm(form: FormData): Promise<boolean>;
  children?: ComponentChildren;
}

/**
 * A small modal for an action that takes a note: the native <dialog> traps focus, closes on Escape
 * and gives focus back to the button that opened it.
 */
export function ActionDialog({ id, title, confirmLabel, open, busy, error, onClose, onConfirm, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal?.();
    if (!open && el.open) el.close();
  }, [open]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (await onConfirm(new FormData(event.currentTarget as HTMLFormElement))) onClose();
  }

  return (
    <dialog ref={dialog} class="action-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      {open ? (
        <form onSubmit={submit}>
          <h3 id={`${id}-title`}>{title}</h3>
          {children}
          <div class="field">
            <label for={`${id}-note`}>Note for the audit trail (optional)</label>
            <textarea id={`${id}-note`} name="note" rows={2} maxLength={1000} />
          </div>
          <p class="error" role="alert">
            {error}
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={busy}>
              {confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
