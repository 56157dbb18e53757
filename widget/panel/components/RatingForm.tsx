import type { ChatModel } from '../../model/chat-model-types';

const scores = [1, 2, 3, 4, 5];

/** Satisfaction after the conversation closed: a 1–5 radio group and an optional comment. */
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
        {scores.map((score) => (
          <label key={score}>
            <input type="radio" name="score" value={score} required />
            <span>{score}</span>
          </label>
        ))}
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
