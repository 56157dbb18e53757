import type { ChatModel } from '../../model/chat-model-types';
import { fill } from '../../../frontend-common/format';
import { bubbleFor, pendingBubble } from './MessageBubble';
import type { Where } from '../../model/stage-text';

/**
 * The conversation as a log: assistive technology announces what is added, politely. Following
 * new messages as they arrive is done after each render, in panel.tsx (the panel uses no hooks).
 */
export function Transcript({ model, where }: { model: ChatModel; where: Where }) {
  const s = model.strings.value;
  const list = model.messages.value;
  const stage = model.stage.value;
  const operatorName = stage.kind === 'with_person' ? stage.operator?.name : undefined;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard to scroll it (WCAG 2.1.1); not every browser makes scrollers focusable yet. */}
      <div class="t" role="log" aria-live="polite" aria-label={s.title} tabIndex={0}>
        {/* Not in the fallback: the greeting waits for `welcome` rather than flash in the wrong language. */}
        {s.greeting ? <p class="m bot">{s.greeting}</p> : null}
        {/* One array: keys are matched within an array, so a confirmed message reuses its pending node. */}
        {[
          ...list.map((message, i) => {
            const previous = list[i - 1];
            return bubbleFor(
              message,
              previous?.sender.kind !== message.sender.kind || previous.sender.name !== message.sender.name,
              model,
              where.locale,
            );
          }),
          ...model.pending.value.map((entry) => pendingBubble(entry, model)),
        ]}
        {/* A bot answer as it is generated: hidden from the log, which announces the stored answer once it arrives. */}
        {model.streaming.value !== null ? (
          <div class="m bot" aria-hidden="true" data-streaming="">
            {model.streaming.value}
          </div>
        ) : null}
      </div>
      {/* Always there, so "… is typing" is announced when it appears. */}
      <div aria-live="polite">
        {model.operatorTyping.value && operatorName ? <p class="y">{fill(s.operatorTyping, { name: operatorName })}</p> : null}
      </div>
    </>
  );
}
