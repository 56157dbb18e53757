import { CallbackRow } from './CallbackRow';
import { useApp } from './app-context';

export function CallbackList() {
  const { callbacks, conversation } = useApp();
  const items = callbacks.sorted.value;
  const openId = conversation.openId.value;
  return (
    <section class="list-panel" aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title">Callbacks</h2>
      </div>
      {callbacks.error.value ? (
        <p class="error" role="alert">
          {callbacks.error.value}
        </p>
      ) : null}
      {callbacks.loaded.value && items.length === 0 ? <p class="muted">No callbacks requested.</p> : null}
      <ul class="rows" aria-label="Callbacks, due first">
        {items.map((cb) => (
          <CallbackRow key={cb.callbackId} callback={cb} selected={cb.conversationId === openId} />
        ))}
      </ul>
    </section>
  );
}
