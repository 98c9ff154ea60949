// Starts the UI in the language the settings say (bokmål when they cannot be read), or the recovery
// screen when the database could not be opened.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openScreenFromAddress, useNavigation } from './app/navigation';
import { RecoveryScreen } from './features/backups/RecoveryScreen';
import { followsRestore } from './features/backups/restore-backup';
import { useSettings } from './features/settings/settings-store';
import { setUpI18n } from './i18n';
import { api } from './lib/api/client';
import './styles.css';

async function start() {
  const status = await api.call('system.status', {}).catch(() => null);
  const settings = await useSettings.getState().load().catch(() => null);
  await setUpI18n(settings?.language ?? 'nb');
  // The API client took its token from the address when it was imported; what is left may be a deep link.
  openScreenFromAddress(window.location, window.history);
  if (followsRestore()) useNavigation.getState().go({ name: 'settings' });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {status?.state === 'recovery' ? <RecoveryScreen status={status} /> : <App />}
    </StrictMode>,
  );
}

void start();
