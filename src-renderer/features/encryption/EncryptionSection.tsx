// The settings screen's "Data encryption": turn encryption on (with a warning that a lost passphrase
// means lost data), change the passphrase, or turn it off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncryptionStatus } from '../../../src-main/core/encryption';
import { minPassphraseLength } from '../../../src-main/core/passphrase';
import { Field } from '../../components/Field';
import { LoadError, Loading } from '../../components/StatusViews';
import { useNotices } from '../../app/notices';
import { api } from '../../lib/api/client';
import { useApiQuery } from '../../lib/api/use-api';
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
  const [errors, setErrors] = useState<Errors>({});
  const [offError, setOffError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'enable' | 'change' | 'disable' | null>(null);

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
    setErrors(found);
    if (Object.keys(found).length || !status) return;
    const action = status.encrypted ? 'change' : 'enable';
    setBusy(action);
    try {
      const result =
        action === 'enable' ? await api.call('encryption.enable', { passphrase: next }) : await api.call('encryption.changePassphrase', { current, next });
      finish(result, t(action === 'enable' ? 'encryption.enabled' : 'encryption.changed'));
    } catch (caught) {
      const text = passphraseErrorText(t, caught);
      setErrors(action === 'change' && text === t('encryption.wrongPassphrase') ? { current: text } : { form: text });
    } finally {
      setBusy(null);
    }
  }

  async function disable(event: React.FormEvent) {
    event.preventDefault();
    setOffError(undefined);
    setBusy('disable');
    try {
      finish(await api.call('encryption.disable', { passphrase: off }), t('encryption.disabled'));
    } catch (caught) {
      setOffError(passphraseErrorText(t, caught));
    } finally {
      setBusy(null);
    }
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
