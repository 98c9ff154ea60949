// The app shell: skip link, main menu, the current screen, and the notice area.
import { useTranslation } from 'react-i18next';
import { ClientScreen } from '../features/clients/ClientScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { NewClientScreen } from '../features/clients/NewClientScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useNavigation, type Screen } from './navigation';
import { useNotices } from './notices';

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'clients':
      return <ClientsScreen />;
    case 'clientNew':
      return <NewClientScreen />;
    case 'client':
      return <ClientScreen key={screen.clientId} clientId={screen.clientId} />;
    case 'settings':
      return <SettingsScreen />;
  }
}

const menu: { screen: Screen; label: 'nav.clients' | 'nav.settings'; area: Screen['name'][] }[] = [
  { screen: { name: 'clients' }, label: 'nav.clients', area: ['clients', 'clientNew', 'client'] },
  { screen: { name: 'settings' }, label: 'nav.settings', area: ['settings'] },
];

export function App() {
  const { t } = useTranslation();
  const { screen, go } = useNavigation();
  const notice = useNotices((s) => s.message);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            {menu.map((entry) => (
              <li key={entry.label}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={entry.area.includes(screen.name) ? 'page' : undefined}
                  onClick={() => go(entry.screen)}
                >
                  {t(entry.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <CurrentScreen screen={screen} />
      </main>
      <div className="notice" role="status" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
