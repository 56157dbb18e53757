import { useApp } from './app-context';

export function IntentForm() {
  const { conversation } = useApp();
  const c = conversation.summary.value;
  if (!c) return null;
  const allowed = conversation.allowed.value.correctIntent && conversation.busy.value === null;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    void conversation.correctIntent(String(new FormData(event.currentTarget as HTMLFormElement).get('intent') ?? ''));
  }

  return (
    // Keyed by the current intent so the field shows the server's value after a correction.
    <form class="inline-form" onSubmit={submit} key={`${c.conversationId}:${c.intent ?? ''}`}>
      <label for="intent">Intent</label>
      <input id="intent" name="intent" type="text" maxLength={64} defaultValue={c.intent ?? ''} disabled={!allowed} />
      <button type="submit" disabled={!allowed}>
        Correct intent
      </button>
    </form>
  );
}
