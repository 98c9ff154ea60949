// The settings screen's "Team server": where the firm's PostgreSQL is, the role's password (kept in
// the operating system's key store), sync now, and the conflicts to resolve one by one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { Field } from '../../components/Field';
import { LoadError, Loading } from '../../components/StatusViews';
import { useNotices } from '../../app/notices';
import type { ApiCaller } from '../../lib/api/query-core';
import { useApiAction, useApiLoad } from '../../lib/api/use-api';

type Status = MethodOutput<'sync.status'>;
type Conflict = MethodOutput<'sync.conflicts'>[number];
type SslMode = 'verify-full' | 'verify-ca';
type SyncState = { status: Status; conflicts: Conflict[] };
type ServerForm = { host: string; port: string; database: string; role: string; caPem: string; sslMode: SslMode };
type Quarantined = Status['quarantined'][number];

const conflictLines = { edited: 'teamSync.conflictLine', deletedHere: 'teamSync.conflictDeletedHere', deletedThere: 'teamSync.conflictDeletedThere' } as const;
const kindLabels = { client: 'teamSync.kindClient', assessment: 'teamSync.kindAssessment', guide: 'teamSync.kindGuide', template: 'teamSync.kindTemplate' } as const;

/** Server records that failed validation here: what, why (the reason in words, the validator's detail). */
function QuarantineList({ records }: { records: Quarantined[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('teamSync.quarantineTitle')}</h3>
      {records.length === 0 ? (
        <p>{t('teamSync.noQuarantine')}</p>
      ) : (
        <>
          <p>{t('teamSync.quarantineIntro')}</p>
          <ul className="team-quarantine">
            {records.map((record) => (
              <li key={`${record.kind}-${record.id}`}>
                <strong>
                  {t(kindLabels[record.kind])} {record.id}
                </strong>
                : {t(`teamSync.quarantineReasons.${record.reason}`)} <span className="hint">({record.detail})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const blankForm: ServerForm = { host: '', port: '5432', database: '', role: '', caPem: '', sslMode: 'verify-full' };

async function fetchSyncState(client: ApiCaller): Promise<SyncState> {
  const status = await client.call('sync.status', {});
  return { status, conflicts: status.conflicts > 0 ? await client.call('sync.conflicts', {}) : [] };
}

/** The form as the saved server fills it (the certificate is never sent back). */
function savedServer(status: Status | undefined): Partial<ServerForm> {
  const server = status?.server;
  return server ? { host: server.host, port: String(server.port), database: server.database, role: server.role, sslMode: server.sslMode } : {};
}

export function TeamServerSection() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const sync = useApiLoad('sync', fetchSyncState);
  const status = sync.data?.status ?? null;
  const conflicts = sync.data?.conflicts ?? [];
  /** What the consultant typed over the saved server's values. */
  const [edits, setEdits] = useState<Partial<ServerForm>>({});
  const form: ServerForm = { ...blankForm, ...savedServer(sync.data?.status), ...edits };
  const setForm = (next: ServerForm) => setEdits(next);
  const [password, setPassword] = useState('');
  // Each step (save, password, sync, disconnect, resolve) says what it did and reads the state afresh.
  const acting = useApiAction(async (client, step: (client: ApiCaller) => Promise<string>) => {
    const message = await step(client);
    return { message, state: await fetchSyncState(client) };
  });
  const busy = acting.busy;

  async function act(step: (client: ApiCaller) => Promise<string>) {
    const done = await acting.attempt(step);
    if (!done) return;
    notify(done.value.message);
    sync.setData(done.value.state);
    // The saved server's values show again; a typed certificate stays.
    if (done.value.state.status.server) setEdits(({ caPem }) => (caPem === undefined ? {} : { caPem }));
  }

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void act(async (client) => {
      const caPem = form.caPem.trim() === '' ? null : form.caPem;
      await client.call('sync.configure', { host: form.host, port: Number(form.port), database: form.database, role: form.role, caPem, sslMode: form.sslMode });
      return t('teamSync.saved');
    });
  };

  const field = (name: 'host' | 'port' | 'database' | 'role', label: `teamSync.${'host' | 'port' | 'database' | 'role'}`) => (
    <Field label={t(label)} required>
      {(props) => <input {...props} value={form[name]} inputMode={name === 'port' ? 'numeric' : undefined} onChange={(event) => setForm({ ...form, [name]: event.target.value })} />}
    </Field>
  );

  return (
    <section className="team-server" aria-labelledby="team-server-title">
      <h2 id="team-server-title">{t('teamSync.title')}</h2>
      <p>{t('teamSync.intro')}</p>
      {sync.errorMessage ? (
        <LoadError message={sync.errorMessage} onRetry={() => void sync.reload()} />
      ) : status === null ? (
        <Loading />
      ) : (
        <>
          {acting.errorMessage ? (
            <p className="error-text" role="alert">
              {acting.errorMessage}
            </p>
          ) : null}
          <form aria-label={t('teamSync.save')} onSubmit={save}>
            {field('host', 'teamSync.host')}
            {field('port', 'teamSync.port')}
            {field('database', 'teamSync.database')}
            {field('role', 'teamSync.role')}
            <fieldset className="choice-group">
              <legend>{t('teamSync.sslMode')}</legend>
              {(['verify-full', 'verify-ca'] as const).map((mode) => (
                <label key={mode} className="choice">
                  <input type="radio" name="team-ssl-mode" checked={form.sslMode === mode} onChange={() => setForm({ ...form, sslMode: mode })} />
                  <span>{t(mode === 'verify-full' ? 'teamSync.verifyFull' : 'teamSync.verifyCa')}</span>
                </label>
              ))}
            </fieldset>
            <Field label={t('teamSync.caPem')} hint={t('teamSync.caPemHint')}>
              {(props) => <textarea {...props} rows={4} value={form.caPem} onChange={(event) => setForm({ ...form, caPem: event.target.value })} />}
            </Field>
            <button type="submit" disabled={busy}>
              {t('teamSync.save')}
            </button>
          </form>
          {status.server ? (
            <>
              <dl className="facts">
                <dt>{t('teamSync.lastSync')}</dt>
                <dd>{status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : t('teamSync.never')}</dd>
                <dt>{t('teamSync.pending')}</dt>
                <dd>{t('teamSync.pendingCounts', status.pending)}</dd>
                <dt>{t('teamSync.password')}</dt>
                <dd>{t(status.passwordSaved ? 'teamSync.passwordKept' : 'teamSync.passwordMissing')}</dd>
              </dl>
              <form
                aria-label={t('teamSync.savePassword')}
                onSubmit={(event) => {
                  event.preventDefault();
                  void act(async (client) => {
                    await client.call('sync.savePassword', { password });
                    setPassword('');
                    return t('teamSync.passwordSaved');
                  });
                }}
              >
                <Field label={t('teamSync.password')} required>
                  {(props) => <input {...props} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
                </Field>
                <button type="submit" disabled={busy || password === ''}>
                  {t('teamSync.savePassword')}
                </button>
              </form>
              <p>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void act(async (client) => {
                      const counts = await client.call('sync.run', {});
                      return t('teamSync.synced', {
                        sent: counts.pushedAssessments + counts.pushedClients + counts.pushedDeletions + counts.pushedTemplates,
                        fetched: counts.pulledAssessments + counts.pulledClients + counts.pulledDeletions + counts.pulledGuides + counts.pulledTemplates,
                        conflicts: counts.conflicts,
                        quarantined: counts.quarantined,
                      });
                    })
                  }
                >
                  {t(busy ? 'teamSync.syncing' : 'teamSync.syncNow')}
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => void act(async (client) => (await client.call('sync.disconnect', {}), t('teamSync.disconnected')))}>
                  {t('teamSync.disconnect')}
                </button>
              </p>
              <h3>{t('teamSync.conflictsTitle')}</h3>
              {conflicts.length === 0 ? (
                <p>{t('teamSync.noConflicts')}</p>
              ) : (
                <ul className="team-conflicts">
                  {conflicts.map((conflict) => (
                    <li key={`${conflict.kind}-${conflict.id}`}>
                      <strong>
                        {t(conflict.kind === 'client' ? 'teamSync.kindClient' : 'teamSync.kindAssessment')}: {conflict.title}
                      </strong>{' '}
                      {t(conflictLines[conflict.change], { who: conflict.serverUpdatedBy, when: new Date(conflict.serverUpdatedAt).toLocaleString() })}{' '}
                      {(['keepMine', 'takeTheirs', 'keepBoth'] as const)
                        .filter(
                          (choice) =>
                            !(choice === 'keepBoth' && (conflict.kind === 'client' || conflict.change !== 'edited')) && !(choice === 'takeTheirs' && conflict.takeTheirsBlocked),
                        )
                        .map((choice) => (
                          <button
                            key={choice}
                            type="button"
                            disabled={busy}
                            onClick={() =>
                              void act(async (client) => {
                                await client.call('sync.resolve', { kind: conflict.kind, id: conflict.id, choice });
                                return t('teamSync.resolved');
                              })
                            }
                          >
                            {t(`teamSync.${choice}`)}
                          </button>
                        ))}
                    </li>
                  ))}
                </ul>
              )}
              <QuarantineList records={status.quarantined} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
