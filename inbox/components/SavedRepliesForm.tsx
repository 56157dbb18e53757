import { SAVED_REPLY_PLACEHOLDERS } from '../../shared/config/saved-replies';
import { FieldIssues } from './FieldIssues';
import { useApp } from './app-context';

/** A free id for a new reply: reply-1, reply-2, … */
function nextId(taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((r) => r.id === `reply-${n}`)) n++;
  return `reply-${n}`;
}

/** The site's saved replies, which operators insert in the composer with `/`. */
export function SavedRepliesForm() {
  const { settings } = useApp();
  const replies = settings.draft.value?.savedReplies;
  if (!replies) return null;
  return (
    <fieldset id="settings-saved-replies">
      <legend>Saved replies</legend>
      <p class="muted">
        Operators insert these by typing / in the reply box. Placeholders:{' '}
        {SAVED_REPLY_PLACEHOLDERS.map((p) => (
          <code key={p}>{p} </code>
        ))}
      </p>
      {replies.map((r, i) => (
        <div class="saved-reply-row" key={r.id}>
          <div class="field">
            <label for={`saved-title-${i}`}>Title</label>
            <input
              id={`saved-title-${i}`}
              type="text"
              maxLength={80}
              value={r.title}
              onInput={(e) =>
                settings.update((d) => {
                  d.savedReplies[i]!.title = e.currentTarget.value;
                })
              }
            />
            <FieldIssues path={`savedReplies.${i}.title`} />
          </div>
          <div class="field">
            <label for={`saved-text-${i}`}>Reply</label>
            <textarea
              id={`saved-text-${i}`}
              rows={2}
              value={r.text}
              onInput={(e) =>
                settings.update((d) => {
                  d.savedReplies[i]!.text = e.currentTarget.value;
                })
              }
            />
            <FieldIssues path={`savedReplies.${i}.text`} />
          </div>
          <button
            type="button"
            onClick={() =>
              settings.update((d) => {
                d.savedReplies.splice(i, 1);
              })
            }
          >
            Remove<span class="sr-only"> the saved reply “{r.title}”</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          settings.update((d) => {
            d.savedReplies.push({ id: nextId(d.savedReplies), title: '', text: '' });
          })
        }
      >
        Add a saved reply
      </button>
      <FieldIssues path="savedReplies" exact />
    </fieldset>
  );
}
