// Shown instead of the app while the data folder is encrypted and locked: the passphrase, and a clear error when it is wrong.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../src-main/core/settings';
import { Field } from '../../components/Field';
import { CallProgress } from '../../components/CallProgress';
import { changeUiLanguage } from '../../i18n';
import { useApiMutation } from '../../lib/api/use-api';
import { passphraseErrorText } from './passphrase-errors';

const uiLanguages: UiLanguage[] = ['nb', 'en'];

export function UnlockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const { t, i18n } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  /** An empty passphrase is refused here, before asking. */
  const [empty, setEmpty] = useState(false);
  // The app starts afresh once unlocked: nothing to reload before.
  const unlocking = useApiMutation('encryption.unlock', { invalidates: [] });
  // Stays busy while the app opens after the unlock.
  const [unlocked, setUnlocked] = useState(false);
  const busy = unlocking.busy || unlocked;
  const error = empty ? t('encryption.passphraseRequired') : unlocking.error ? passphraseErrorText(t, unlocking.error) : undefined;

  async function unlock(event: React.FormEvent) {
    event.preventDefault();
    setEmpty(passphrase === '');
    unlocking.reset();
    if (passphrase === '') return;
    if (await unlocking.attempt({ passphrase })) {
      setUnlocked(true);
      onUnlocked();
    }
  }

  return (
    <div className="app unlock">
      <main id="main" tabIndex={-1} aria-labelledby="unlock-title">
        <h1 id="unlock-title">{t('encryption.unlockTitle')}</h1>
        <p>{t('encryption.unlockIntro')}</p>
        <form className="unlock-form" onSubmit={(event) => void unlock(event)}>
          <Field label={t('encryption.passphrase')} error={error} required>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="current-password"
                autoFocus
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('encryption.unlocking') : t('encryption.unlock')}
          </button>
          <CallProgress methods={['encryption.unlock']} />
        </form>
        {/* The language setting is inside the encrypted data, so it can be chosen here for this screen. */}
        <fieldset className="choice-group unlock-language">
          <legend>{t('encryption.language')}</legend>
          {uiLanguages.map((language) => (
            <label key={language} className="choice">
              <input type="radio" name="unlock-language" checked={i18n.language === language} onChange={() => void changeUiLanguage(language)} />
              <span lang={language}>{t(`languages.${language}`)}</span>
            </label>
          ))}
        </fieldset>
      </main>
    </div>
  );
}
