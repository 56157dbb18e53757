import { isListSection } from '../route';
import { CallbackList } from './CallbackList';
import { ConversationPane } from './ConversationPane';
import { LazyInsights } from './LazyInsights';
import { ListPanel } from './ListPanel';
import { Notices } from './Notices';
import { SettingsPage } from './SettingsPage';
import { ShortcutHelp } from './ShortcutHelp';
import { TopBar } from './TopBar';
import { ViewNav } from './ViewNav';
import { useApp } from './app-context';

export function InboxLayout() {
  const app = useApp();
  const section = app.section.value;
  const settings = section === 'settings' && app.session.isAdmin.value;
  return (
    <div class="layout">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar />
      <ViewNav />
      <Notices />
      <main id="main" tabIndex={-1} class={settings ? 'settings-main' : section === 'insights' ? 'insights-main' : 'inbox-main'}>
        {section === 'insights' ? (
          <LazyInsights />
        ) : settings ? (
          <SettingsPage />
        ) : section === 'settings' ? (
          <p class="error">Only admins can change site settings.</p>
        ) : (
          <>
            {isListSection(section) ? <ListPanel view={section} /> : <CallbackList />}
            <ConversationPane />
          </>
        )}
      </main>
      <ShortcutHelp />
    </div>
  );
}
