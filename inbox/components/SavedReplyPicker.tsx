import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { SavedReply } from '../../shared/config/saved-replies';
import { matchReplies } from '../models/saved-replies';

interface Props {
  replies: readonly SavedReply[] | undefined;
  error: string | null;
  /** Inserts the chosen reply; the composer fills its placeholders. */
  onPick(reply: SavedReply): void;
  onClose(): void;
}

/**
 * A search box (combobox) over a listbox of the site's saved replies: typing filters, ↑/↓ move,
 * Enter inserts, Escape goes back to the reply. The highlighted option is announced through
 * aria-activedescendant while focus stays in the search box.
 */
export function SavedReplyPicker({ replies, error, onPick, onClose }: Props) {
  const query = useSignal('');
  const active = useSignal(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const found = replies ? matchReplies(replies, query.value) : [];
  const current = found[Math.min(active.value, found.length - 1)];

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (found.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active.value = (Math.min(active.peek(), found.length - 1) + step + found.length) % found.length;
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) onPick(current);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  }

  return (
    <div class="saved-picker">
      <label for="saved-search">Search saved replies</label>
      <input
        id="saved-search"
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls="saved-list"
        aria-activedescendant={current ? `saved-${current.id}` : undefined}
        aria-describedby="saved-hint"
        value={query.value}
        onInput={(e) => {
          query.value = e.currentTarget.value;
          active.value = 0;
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // Leaving the picker (Tab, a click elsewhere) closes it; a click on an option is handled first.
          if (!(e.relatedTarget instanceof Node && e.currentTarget.parentElement?.contains(e.relatedTarget))) onClose();
        }}
      />
      <p id="saved-hint" class="muted hint">
        ↑ ↓ to choose, Enter to insert, Escape to go back.
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div id="saved-list" role="listbox" aria-label="Saved replies" tabIndex={-1}>
        {found.map((r) => (
          <div
            key={r.id}
            tabIndex={-1}
            id={`saved-${r.id}`}
            role="option"
            aria-selected={r === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(r)}
            onKeyDown={() => undefined}
          >
            <strong>{r.title}</strong> <span class="muted">{r.text}</span>
          </div>
        ))}
      </div>
      <p class="muted" role="status">
        {replies === undefined ? 'Loading saved replies…' : found.length === 0 ? 'No saved reply matches.' : ''}
      </p>
    </div>
  );
}
