import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReviewItem } from '../../../shared/review';
import { createReviewModel, type ReviewModel } from '../../models/review-model';
import { teachableReasons } from '../../models/teach-rules';
import type { InboxApi } from '../../api-client';

const BOT_ONLY = 'bot_only';
const missedReasons = teachableReasons.filter((r) => r.id !== 'none');

/** The weekly review sample (admins): mark each sampled conversation right or wrong; a wrong one can teach the engine. */
export function ReviewSample({ api, siteId, onMarked }: { api: InboxApi; siteId: string; onMarked: () => void }) {
  const model = useMemo(() => createReviewModel(api, () => siteId, onMarked), [api, siteId, onMarked]);
  useEffect(() => void model.load(), [model]);
  const sample = model.sample.value;
  return (
    <section class="review-sample" aria-labelledby="review-sample-heading">
      <h3 id="review-sample-heading">Weekly review sample</h3>
      <p class="muted">
        {sample
          ? `Week ${sample.week} (${sample.from} to ${sample.to}): up to ${sample.size.perTrigger} handoffs per trigger and ${sample.size.botOnly} bot-only conversations, the same each time you open it. Your marks give the review precision above.`
          : 'Loading the sample…'}
      </p>
      {sample ? (
        <div class="review-weeks">
          <button type="button" onClick={() => void model.load(sample.previousWeek)}>
            Previous week ({sample.previousWeek})
          </button>
          {sample.nextWeek ? (
            <button type="button" onClick={() => void model.load(sample.nextWeek ?? undefined)}>
              Next week ({sample.nextWeek})
            </button>
          ) : null}
        </div>
      ) : null}
      {model.error.value ? (
        <p class="error" role="alert">
          {model.error.value}
        </p>
      ) : null}
      <p role="status" class="sr-only">
        {model.status.value}
      </p>
      {sample && sample.items.length === 0 ? <p class="muted">No conversations this week yet.</p> : null}
      {sample && sample.items.length > 0 ? (
        <ul class="review-items" aria-label="Sampled conversations">
          {sample.items.map((item) => (
            <ReviewRow key={item.episodeId} model={model} item={item} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ReviewRow({ model, item }: { model: ReviewModel; item: ReviewItem }) {
  const botOnly = item.trigger === BOT_ONLY;
  const [reason, setReason] = useState(missedReasons[0]?.id ?? 'human_request');
  const question = botOnly ? 'Was keeping this conversation with the bot right?' : `Was handing off (${item.trigger}) right?`;
  const name = item.visitorName ?? 'Visitor';
  const groupId = `review-${item.episodeId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <li class="review-item" data-episode={item.episodeId} data-trigger={item.trigger}>
      <p>
        <strong>{botOnly ? 'Bot only' : item.trigger}</strong> · {name} ·{' '}
        <time dateTime={item.startedAt}>{item.startedAt.slice(0, 16).replace('T', ' ')}</time>
        {item.outcome ? ` · ${item.outcome.replaceAll('_', ' ')}` : ''} ·{' '}
        <a href={`#/resolved/${encodeURIComponent(item.conversationId)}`} aria-label={`Open the conversation with ${name}`}>
          Open conversation
        </a>
      </p>
      <blockquote>{item.visitorTurn ?? 'No visitor message.'}</blockquote>
      <fieldset>
        <legend>{question}</legend>
        {(['right', 'wrong'] as const).map((verdict) => (
          <label key={verdict}>
            <input
              type="radio"
              name={groupId}
              value={verdict}
              checked={item.mark?.verdict === verdict}
              onChange={() => void model.mark(item, verdict)}
            />{' '}
            {verdict === 'right' ? 'Right' : botOnly ? 'Wrong: should have gone to a person' : 'Wrong: should not have handed off'}
          </label>
        ))}
      </fieldset>
      {item.mark ? (
        <p class="muted">
          Marked {item.mark.verdict} by {item.mark.by}.
        </p>
      ) : null}
      {item.mark?.verdict === 'wrong' && item.visitorTurn ? (
        item.mark.example ? (
          <p>Added to the site's examples as “{item.mark.example.label}”.</p>
        ) : botOnly ? (
          <div class="review-teach">
            <label for={`${groupId}-reason`}>The reason it should have gone to a person</label>
            <select id={`${groupId}-reason`} value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value)}>
              {missedReasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void model.teach(item, reason)}>
              Add as an example of this reason
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => void model.teach(item)}>
            Add as a “must not hand off” example
          </button>
        )
      ) : null}
    </li>
  );
}
