// Starts the UI in the language the settings say (bokmål when they cannot be read), the recovery
// screen when the database could not be opened, or the unlock screen when it is encrypted. Loaded by
// the entry (main.tsx) after it has sent the start-up requests (early-start.ts), whose answers this takes.
import { dataStatus, earlySettings } from './early-start';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { DataStatus } from '../../src-main/core/backups';
import { App } from './App';
import { screenFromAddress } from './address';
import { openScreenFromAddress, useNavigation } from './navigation';
import { preloadScreen } from './screens';
import { RecoveryScreen } from '../features/backups/RecoveryScreen';
import { followsRestore } from '../features/backups/restore-backup';
import { UnlockScreen } from '../features/encryption/UnlockScreen';
import { useSettings } from '../features/settings/settings-store';
import { changeUiLanguage, setUpI18n } from '../i18n';
import { api } from '../lib/api/client';
import '../styles.css';

async function start() {
  // The first screen's code loads while the start-up requests (early-start.ts) are answered: no waterfall.
  const firstScreen = preloadScreen(followsRestore() ? { name: 'settings' } : (screenFromAddress(window.location.hash) ?? { name: 'home' }));
  const settings = useSettings.getState().load(earlySettings);
  // Locked data refuses the settings until it is unlocked; that refusal is expected and not shown.
  settings.catch(() => undefined);
  const status = await dataStatus;
  const root = createRoot(document.getElementById('root')!);
  if (status?.state === 'locked') {
    // The settings, and so the language, are inside the encrypted data: bokmål until it is unlocked.
    await setUpI18n('nb');
    root.render(
      <StrictMode>
        <UnlockScreen onUnlocked={() => void api.call('system.status', {}).then((opened) => showApp(root, opened, true))} />
      </StrictMode>,
    );
    return;
  }
  await firstScreen;
  await showApp(root, status, false, settings);
}

async function showApp(root: Root, status: DataStatus | null, i18nReady: boolean, loadingSettings = useSettings.getState().load()) {
  const settings = await loadingSettings.catch(() => null);
  if (i18nReady) await changeUiLanguage(settings?.language ?? 'nb');
  else await setUpI18n(settings?.language ?? 'nb');
  // The API client took its token from the address when it was imported; what is left may be a deep link.
  openScreenFromAddress(window.location, window.history);
  if (followsRestore()) useNavigation.getState().go({ name: 'settings' });
  root.render(
    <StrictMode>
      {status?.state === 'recovery' ? <RecoveryScreen status={status} /> : <App />}
    </StrictMode>,
  );
}

void start();
