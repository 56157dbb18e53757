import type { ChatModel } from '../../model/chat-model-types';
import { wrapFocus } from '../focus-wrap';
import type { Where } from '../../model/stage-text';
import { Composer } from './Composer';
import { ConnectionNotice } from './ConnectionNotice';
import { Header } from './Header';
import { StageCard } from './StageCard';
import { Transcript } from './Transcript';
import type { ReplyAlert } from '../reply-alert';

/** The chat panel: a dialog that Escape closes, non-modal unless it fills a small screen (focus-wrap.ts). */
export function App({ model, where, alert }: { model: ChatModel; where: Where; alert: ReplyAlert }) {
  const s = model.strings.value;
  return (
    <div
      class="p"
      id="baton-panel"
      role="dialog"
      aria-label={s.title}
      hidden={!model.isOpen.value}
      onKeyDown={(event) => {
        if (event.key === 'Escape') model.close();
        wrapFocus(event, event.currentTarget);
      }}
    >
      <Header model={model} alert={alert} />
      <ConnectionNotice model={model} />
      <Transcript model={model} where={where} />
      <StageCard model={model} where={where} />
      <Composer model={model} />
    </div>
  );
}
