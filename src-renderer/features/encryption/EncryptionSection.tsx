// The settings screen's "Data encryption": turn encryption on (with a warning that a lost passphrase
// means lost data), change the passphrase, or turn it off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncryptionStatus } from '../../../src-main/core/encryption';
import { minPassphraseLength } from '../../../src-main/core/passphrase';
import { Field } from '../../components/Field';
import { LoadError, Loading } from '../../components/StatusViews';
import { useNotices } from '../../app/notices';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { passphraseErrorText } from './passphrase-errors';

type Errors = Partial<Record<'current' | 'next' | 'repeat' | 'form', string>>;

function PassphraseInput({ label, hint, error, value, onChange, autoComplete }: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <Field label={label} hint={hint} error={error} required>
      {(props) => <input {...props} type="password" autoComplete={autoComplete} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

export function EncryptionSection() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { data: status = null, errorMessage: loadError, reload, setData: setStatus } = useApiQuery('encryption.status', {});
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [off, setOff] = useState('');
  /** What the form found before asking the API. */
  const [checked, setChecked] = useState<Errors>({});
  // Each returns the new status, which is shown without loading it again.
  const enabling = useApiMutation('encryption.enable', { invalidates: [] });
  const changing = useApiMutation('encryption.changePassphrase', { invalidates: [] });
  const disabling = useApiMutation('encryption.disable', { invalidates: [] });
  const busy = enabling.busy ? 'enable' : changing.busy ? 'change' : disabling.busy ? 'disable' : null;
  const refused = enabling.error ?? changing.error;
  const refusedText = refused ? passphraseErrorText(t, refused) : undefined;
  // A wrong current passphrase is said at its field; anything else under the form.
  const errors: Errors =
    refusedText === undefined ? checked : changing.error && refusedText === t('encryption.wrongPassphrase') ? { current: refusedText } : { form: refusedText };
  const offError = disabling.error ? passphraseErrorText(t, disabling.error) : undefined;

  /** The checks the UI can make before asking: length and the repeated passphrase. */
  function checkNew(): Errors {
    if (next.length < minPassphraseLength) return { next: t('encryption.tooShort') };
    if (next !== repeat) return { repeat: t('encryption.mismatch') };
    return {};
  }

  function finish(result: EncryptionStatus, message: string) {
    setStatus(result);
    setCurrent('');
    setNext('');
    setRepeat('');
    setOff('');
    notify(message);
  }

  async function enableOrChange(event: React.FormEvent) {
    event.preventDefault();
    const found = checkNew();
    setChecked(found);
    enabling.reset();
    changing.reset();
    if (Object.keys(found).length || !status) return;
    if (status.encrypted) {
      const changed = await changing.attempt({ current, next });
      if (changed) finish(changed.value, t('encryption.changed'));
    } else {
      const enabled = await enabling.attempt({ passphrase: next });
      if (enabled) finish(enabled.value, t('encryption.enabled'));
    }
  }

  async function disable(event: React.FormEvent) {
    event.preventDefault();
    const disabled = await disabling.attempt({ passphrase: off });
    if (disabled) finish(disabled.value, t('encryption.disabled'));
  }

  return (
    <section className="encryption" aria-labelledby="encryption-title">
      <h2 id="encryption-title">{t('encryption.title')}</h2>
      {loadError ? (
        <LoadError message={loadError} onRetry={() => void reload()} />
      ) : status === null ? (
        <Loading />
      ) : (
        <>
          <p>{t(status.encrypted ? 'encryption.onIntro' : 'encryption.offIntro')}</p>
          <p className="encryption-warning" role="note">
            <strong aria-hidden="true">! </strong>
            {t('encryption.warning')}
          </p>
          <form className="encryption-form" aria-label={t(status.encrypted ? 'encryption.change' : 'encryption.enable')} onSubmit={(event) => void enableOrChange(event)}>
            {status.encrypted ? (
              <PassphraseInput label={t('encryption.currentPassphrase')} error={errors.current} value={current} onChange={setCurrent} autoComplete="current-password" />
            ) : null}
            <PassphraseInput label={t('encryption.newPassphrase')} hint={t('encryption.newPassphraseHint')} error={errors.next} value={next} onChange={setNext} autoComplete="new-password" />
            <PassphraseInput label={t('encryption.confirmPassphrase')} error={errors.repeat} value={repeat} onChange={setRepeat} autoComplete="new-password" />
            {errors.form ? (
              <p className="error-text" role="alert">
                {errors.form}
              </p>
            ) : null}
            <button type="submit" className="primary" disabled={busy !== null}>
              {status.encrypted ? (busy === 'change' ? t('encryption.changing') : t('encryption.change')) : busy === 'enable' ? t('encryption.enabling') : t('encryption.enable')}
            </button>
          </form>
          {status.encrypted ? (
            <form className="encryption-form" aria-labelledby="encryption-off-title" onSubmit={(event) => void disable(event)}>
              <h3 id="encryption-off-title">{t('encryption.disableTitle')}</h3>
              <p>{t('encryption.disableIntro')}</p>
              <PassphraseInput label={t('encryption.passphrase')} error={offError} value={off} onChange={setOff} autoComplete="current-password" />
              <button type="submit" className="danger" disabled={busy !== null}>
                {busy === 'disable' ? t('encryption.disabling') : t('encryption.disable')}
              </button>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
