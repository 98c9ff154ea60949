// The settings screen's backups: how many to keep, a backup now, and the list to restore from.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { CallProgress } from '../../components/CallProgress';
import { Loading, LoadError } from '../../components/StatusViews';
import { useNotices } from '../../app/notices';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { formatDateTime } from '../../lib/dates';
import { errorText, fieldErrors } from '../../lib/errors';
import { useSettings } from '../settings/settings-store';
import { BackupTable } from './BackupTable';
import { takeRestoredNote, type RestoredNote } from './restore-backup';

export function BackupsSection() {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { settings, update } = useSettings();
  const { data: backups = null, errorMessage: loadError, reload: load } = useApiQuery('backups.list', {});
  // Reloads the list of backups (its area) before it resolves.
  const creating = useApiMutation('backups.create');
  // null until edited: the field shows the saved setting.
  const [keep, setKeep] = useState<string | null>(null);
  const [keepError, setKeepError] = useState<string | undefined>();
  const [restored] = useState<RestoredNote | null>(() => takeRestoredNote());

  async function createNow() {
    if (await creating.attempt({})) notify(t('backups.created'));
  }

  async function saveKeep(event: React.FormEvent) {
    event.preventDefault();
    setKeepError(undefined);
    try {
      await update({ backupsToKeep: Number(keep ?? settings?.backupsToKeep) });
      notify(t('backups.keepSaved'));
    } catch (caught) {
      setKeepError(fieldErrors(t, caught).backupsToKeep ?? errorText(t, caught));
    }
  }

  return (
    <section className="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      {restored ? (
        <p className="ok-text" role="status">
          {t('backups.restored', { when: formatDateTime(restored.createdAt, i18n.language) })}{' '}
          {restored.safetyBackup ? t('backups.restoredSafety') : null}
        </p>
      ) : null}
      <p>{t('backups.intro')}</p>
      <form className="backup-keep" onSubmit={(event) => void saveKeep(event)}>
        <Field label={t('backups.keep')} hint={t('backups.keepHint')} error={keepError}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} max={100} value={keep ?? String(settings?.backupsToKeep ?? '')} onChange={(e) => setKeep(e.target.value)} />
          )}
        </Field>
        <button type="submit">{t('common.save')}</button>
      </form>
      <div className="button-row backup-actions">
        <button type="button" onClick={() => void createNow()} disabled={creating.busy}>
          {creating.busy ? t('backups.creating') : t('backups.createNow')}
        </button>
      </div>
      <CallProgress methods={['backups.create', 'backups.restore']} />
      {creating.errorMessage ? (
        <p className="error-text" role="alert">
          {creating.errorMessage}
        </p>
      ) : null}
      {loadError ? (
        <LoadError message={loadError} onRetry={() => void load()} />
      ) : backups === null ? (
        <Loading />
      ) : backups.length === 0 ? (
        <p className="empty">{t('backups.none')}</p>
      ) : (
        <BackupTable backups={backups} showCheck={false} />
      )}
    </section>
  );
}
