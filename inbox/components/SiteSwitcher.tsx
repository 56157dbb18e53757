import { useApp } from './app-context';

/** For an operator of several sites: which site's conversations the inbox shows (all of them by default). */
export function SiteSwitcher() {
  const { inbox, directory } = useApp();
  const sites = directory.sites.value;
  if (sites.length < 2) return null;
  return (
    <div class="field inline">
      <label for="site-switcher">Site</label>
      <select id="site-switcher" value={inbox.site.value} onChange={(e) => inbox.setSite(e.currentTarget.value)}>
        <option value="">All my sites</option>
        {sites.map((s) => (
          <option key={s.siteId} value={s.siteId}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
