// Shown instead of the app when the database could not be opened: what is wrong, and the backups to restore.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataStatus } from '../../../src-main/core/backups';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CallProgress } from '../../components/CallProgress';
import { LoadError } from '../../components/StatusViews';
import { useApiLoad, useApiMutation } from '../../lib/api/use-api';
import { BackupTable } from './BackupTable';

export function RecoveryScreen({ status }: { status: Extract<DataStatus, { state: 'recovery' }> }) {
  const { t } = useTranslation();
  // Checked, so that only copies that will restore are offered.
  const { data, errorMessage, reload: load } = useApiLoad('recovery', (client) => Promise.all([client.call('backups.list', { check: true }), client.call('system.info', {})]));
  const backups = data?.[0] ?? null;
  const dataDir = data?.[1].dataDir ?? null;

  const newestGood = backups?.find((backup) => backup.check === 'ok') ?? null;

  return (
    <div className="app recovery">
      <main id="main" tabIndex={-1} aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('recovery.title')}</h1>
        <p>{t(status.cause === 'missing' ? 'recovery.introMissing' : 'recovery.intro')}</p>
        <dl className="facts">
          <dt>{t('recovery.problem')}</dt>
          <dd>
            <code>{status.problem}</code>
          </dd>
          {dataDir ? (
            <>
              <dt>{t('recovery.dataDir')}</dt>
              <dd>
                <code>{dataDir}</code>
              </dd>
            </>
          ) : null}
        </dl>
        <h2>{t('backups.title')}</h2>
        {errorMessage ? (
          <LoadError message={errorMessage} onRetry={() => void load()} />
        ) : backups === null ? (
          <p className="loading" role="status">
            {t('recovery.checking')}
          </p>
        ) : (
          <>
            {newestGood ? <p>{t('recovery.damagedKept')}</p> : <p className="error-text">{t('recovery.noneGood')}</p>}
            <CallProgress methods={['backups.restore']} />
            {backups.length ? <BackupTable backups={backups} recommended={newestGood?.name ?? null} showCheck /> : null}
          </>
        )}
        <StartFresh />
      </main>
    </div>
  );
}

/** The explicit way out when no backup is wanted: an empty database, after a confirmation. */
function StartFresh() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  // The page loads afresh after it: nothing to reload before.
  const starting = useApiMutation('system.startFresh', { invalidates: [] });

  const startFresh = async () => {
    if (await starting.attempt({ confirm: true })) window.location.reload();
  };

  return (
    <section aria-labelledby="fresh-title">
      <h2 id="fresh-title">{t('recovery.freshTitle')}</h2>
      <p>{t('recovery.freshIntro')}</p>
      <button type="button" onClick={() => setAsking(true)}>
        {t('recovery.freshButton')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('recovery.freshConfirmTitle')}
          body={t('recovery.freshConfirmBody')}
          confirmLabel={starting.busy ? t('recovery.freshStarting') : t('recovery.freshConfirm')}
          busy={starting.busy}
          error={starting.errorMessage}
          onConfirm={() => void startFresh()}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </section>
  );
}
