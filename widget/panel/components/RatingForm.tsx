import type { VisitorMessageKey } from '../../../shared/visitor-messages';
import type { ChatModel } from '../../model/chat-model-types';

const scores = [1, 2, 3, 4, 5] as const;

/**
 * Satisfaction after the conversation closed: five stars, each named in words ("Good, 4/5"), as a
 * native radio group (arrow keys move, a screen reader hears the name and "4 of 5"), and an optional comment.
 */
export function RatingForm({ model }: { model: ChatModel }) {
  const s = model.strings.value;
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const comment = String(data.get('comment') ?? '').trim();
    model.rate(Number(data.get('score')), comment || undefined);
  };
  return (
    <form onSubmit={submit}>
      {/* A radiogroup (not a fieldset) so tests and assistive technology find it by that role. */}
      <p class="hd" id="baton-rate-label">
        {s.rateLabel}
      </p>
      <div class="r" role="radiogroup" aria-labelledby="baton-rate-label">
        {scores.map((score) => {
          const word = s[`rate${score}` as VisitorMessageKey];
          return (
            <label key={score}>
              <input type="radio" name="score" value={score} required aria-label={`${word} (${score}/5)`} />
              <span aria-hidden="true">
                <b>★</b>
                {word}
              </span>
            </label>
          );
        })}
      </div>
      <label>
        {s.rateCommentLabel}
        <textarea name="comment" rows={2} maxLength={1000} />
      </label>
      <button type="submit" class="bt" disabled={!model.online.value || model.busy.value === 'rate'}>
        {s.rateSubmit}
      </button>
    </form>
  );
}
