import { useApp } from './app-context';

export function SearchForm() {
  const { inbox } = useApp();
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    inbox.setSearch(String(form.get('q') ?? ''));
  }
  return (
    <search>
      <form class="search" onSubmit={submit}>
        <label for="resolved-search">Search resolved conversations</label>
        <input id="resolved-search" name="q" type="search" defaultValue={inbox.search.value} maxLength={200} />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
