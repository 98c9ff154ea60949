// The settings screen's "Team server": where the firm's PostgreSQL is, the role's password (kept in
// the operating system's key store), sync now, and the conflicts to resolve one by one.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { Field } from '../../components/Field';
import { LoadError, Loading } from '../../components/StatusViews';
import { useNotices } from '../../app/notices';
import { api } from '../../lib/api/client';
import { errorText } from '../../lib/errors';

type Status = MethodOutput<'sync.status'>;
type Conflict = MethodOutput<'sync.conflicts'>[number];
type SslMode = 'verify-full' | 'verify-ca';
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

async function fetchSyncState(): Promise<{ status: Status; conflicts: Conflict[] }> {
  const status = await api.call('sync.status', {});
  return { status, conflicts: status.conflicts > 0 ? await api.call('sync.conflicts', {}) : [] };
}

export function TeamServerSection() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const [status, setStatus] = useState<Status | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ host: '', port: '5432', database: '', role: '', caPem: '', sslMode: 'verify-full' as SslMode });
  const [password, setPassword] = useState('');

  async function load() {
    try {
      apply(await fetchSyncState());
    } catch (caught) {
      setLoadError(caught);
    }
  }

  function apply(state: { status: Status; conflicts: Conflict[] }) {
    setStatus(state.status);
    setConflicts(state.conflicts);
    const server = state.status.server;
    if (server) setForm((old) => ({ ...old, host: server.host, port: String(server.port), database: server.database, role: server.role, sslMode: server.sslMode }));
  }

  useEffect(() => {
    fetchSyncState().then(apply, setLoadError);
  }, []);

  async function act(run: () => Promise<string>) {
    setError(null);
    setBusy(true);
    try {
      notify(await run());
      await load();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const caPem = form.caPem.trim() === '' ? null : form.caPem;
      await api.call('sync.configure', { host: form.host, port: Number(form.port), database: form.database, role: form.role, caPem, sslMode: form.sslMode });
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
      {loadError ? (
        <LoadError message={errorText(t, loadError)} onRetry={() => void load()} />
      ) : status === null ? (
        <Loading />
      ) : (
        <>
          {error ? (
            <p className="error-text" role="alert">
              {errorText(t, error)}
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
                  void act(async () => {
                    await api.call('sync.savePassword', { password });
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
                    void act(async () => {
                      const counts = await api.call('sync.run', {});
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
                <button type="button" disabled={busy} onClick={() => void act(async () => (await api.call('sync.disconnect', {}), t('teamSync.disconnected')))}>
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
                              void act(async () => {
                                await api.call('sync.resolve', { kind: conflict.kind, id: conflict.id, choice });
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
