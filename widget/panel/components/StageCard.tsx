import type { ChatModel } from '../../model/chat-model-types';
import { describeStage, type Where } from '../../model/stage-text';
import { CallbackForm } from './CallbackForm';
import { RatingForm } from './RatingForm';

/** Where the conversation stands (escalating, queued, person joined, unavailable, closed) and what the visitor can do. */
export function StageCard({ model, where }: { model: ChatModel; where: Where }) {
  const stage = model.stage.value;
  const text = describeStage(stage, model.strings.value, where);
  // One place for each status: the heading and topic are the transcript's system message, so the
  // card shows only what the transcript does not say (facts needed, place, wait, when the team is
  // back) and the forms; with nothing of its own to say (a person joined) it is not there at all.
  // The status element is always there, so assistive technology announces each change of what
  // only the card says (a live region inserted together with its text often is not).
  const form = stage.kind === 'unavailable' || (stage.kind === 'resolved' && !stage.rated);
  return (
    <div class={text?.lines.length || form ? 'st' : undefined}>
      <div role="status">
        {text?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {stage.kind === 'unavailable' ? <CallbackForm model={model} offer={stage.offer} where={where} /> : null}
      {stage.kind === 'resolved' && !stage.rated ? <RatingForm model={model} /> : null}
    </div>
  );
}
