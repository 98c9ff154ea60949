// The backups as a table with a restore button per row; restoring asks first and then starts the UI afresh.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupReasonKind, type BackupListing } from '../../../src-main/core/backups';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../lib/dates';
import { useApiMutation } from '../../lib/api/use-api';
import { reloadAfterRestore } from './restore-backup';

interface BackupTableProps {
  backups: BackupListing[];
  /** The row to point out, e.g. the newest good backup on the recovery screen. */
  recommended?: string | null;
  /** Damaged backups cannot be restored; offering them would only end in an error. */
  showCheck: boolean;
}

export function BackupTable({ backups, recommended, showCheck }: BackupTableProps) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<BackupListing | null>(null);
  // The page loads afresh after a restore: nothing to reload before.
  const restoring = useApiMutation('backups.restore', { invalidates: [] });
  const when = (backup: BackupListing) => formatDateTime(backup.createdAt, i18n.language);

  async function restore(backup: BackupListing) {
    const restored = await restoring.attempt({ name: backup.name });
    if (restored) reloadAfterRestore(restored.value, backup.createdAt);
  }

  return (
    <>
      <table className="data-table backup-table">
        <caption className="visually-hidden">{t('backups.listLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backups.when')}</th>
            <th scope="col">{t('backups.why')}</th>
            <th scope="col">{t('backups.size')}</th>
            {showCheck ? <th scope="col">{t('backups.state')}</th> : null}
            <th scope="col">{t('backups.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.name} className={backup.name === recommended ? 'backup-recommended' : undefined}>
              <td>
                {when(backup)}
                {backup.name === recommended ? <div className="backup-badge">{t('recovery.newestGood')}</div> : null}
              </td>
              <td>{t(`backups.reasons.${backupReasonKind(backup.reason)}`)}</td>
              <td>{t('backups.sizeKb', { count: Math.max(1, Math.round(backup.sizeBytes / 1024)) })}</td>
              {showCheck ? (
                <td className={`backup-check backup-check-${backup.check}`} title={backup.problem ?? undefined}>
                  {t(`backups.check.${backup.check}`)}
                </td>
              ) : null}
              <td>
                <button
                  type="button"
                  aria-label={t('backups.restoreNamed', { when: when(backup) })}
                  disabled={backup.check === 'damaged'}
                  onClick={() => {
                    restoring.reset();
                    setChosen(backup);
                  }}
                >
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen ? (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          body={t('backups.confirmBody', { when: when(chosen) })}
          confirmLabel={restoring.busy ? t('backups.restoring') : t('backups.confirm')}
          busy={restoring.busy}
          error={restoring.errorMessage}
          onConfirm={() => void restore(chosen)}
          onCancel={() => setChosen(null)}
        />
      ) : null}
    </>
  );
}
