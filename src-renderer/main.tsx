// Starts the UI in the language the settings say (bokmål when they cannot be read).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useSettings } from './features/settings/settings-store';
import { setUpI18n } from './i18n';
import './styles.css';

async function start() {
  const settings = await useSettings.getState().load().catch(() => null);
  await setUpI18n(settings?.language ?? 'nb');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
