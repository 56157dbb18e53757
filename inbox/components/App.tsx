import { InboxLayout } from './InboxLayout';
import { LoginPage } from './LoginPage';
import { useApp } from './app-context';

export function App() {
  const { session } = useApp();
  switch (session.status.value) {
    case 'checking':
      return (
        <main class="center">
          <h1>Baton inbox</h1>
          <p role="status">Checking your session…</p>
        </main>
      );
    case 'signed_out':
      return <LoginPage />;
    case 'signed_in':
      return <InboxLayout />;
  }
}
