// Exporting assessments as a package: choose them, optionally a passphrase (typed twice), and download the file.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notices';
import { Field } from '../../components/Field';
import { CallProgress } from '../../components/CallProgress';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { megabytes, offerDownload } from '../../lib/files';
import { TransferProblems } from './TransferError';

export function ExportPackageSection() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const titleId = useId();
  const { data: assessments, errorMessage: loadError, reload: load } = useApiQuery('assessments.list', { limit: 10_000 });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A package is a file; nothing in the data changes.
  const exporting = useApiMutation('transfer.exportPackage', { invalidates: [] });
  const [done, setDone] = useState<string | null>(null);

  function toggle(id: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setDone(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    exporting.reset();
    setDone(null);
    if (chosen.size === 0) return setProblem(t('transfer.export.nothingChosen'));
    if (passphrase !== '' && passphrase.length < 8) return setProblem(t('transfer.export.tooShort'));
    if (passphrase !== confirmation) return setProblem(t('transfer.export.mismatch'));
    const exported = await exporting.attempt({ assessmentIds: [...chosen], passphrase: passphrase || undefined });
    if (!exported) return;
    const file = exported.value;
    offerDownload(file);
    const message = t('transfer.export.done', { fileName: file.fileName, size: `${megabytes(file.bytes)} MB` });
    setDone(passphrase ? `${message} ${t('transfer.export.encrypted')}` : message);
    notify(t('transfer.downloaded', { fileName: file.fileName }));
  }

  const missingPriors = (assessments ?? []).filter((a) => chosen.has(a.id) && a.priorAssessmentId && !chosen.has(a.priorAssessmentId));

  return (
    <section className="transfer-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('transfer.export.title')}</h2>
      <p className="field-hint">{t('transfer.export.hint')}</p>
      {loadError ? <LoadError message={loadError} onRetry={() => void load()} /> : null}
      {!assessments && !loadError ? <Loading /> : null}
      {assessments && assessments.length === 0 ? <p className="empty">{t('transfer.export.none')}</p> : null}
      {assessments && assessments.length > 0 ? (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <table className="data-table">
            <caption className="visually-hidden">{t('transfer.export.choose')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('transfer.export.choose')}</span>
                </th>
                <th scope="col">{t('transfer.export.title_col')}</th>
                <th scope="col">{t('transfer.export.client')}</th>
                <th scope="col">{t('transfer.export.status')}</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((assessment) => (
                <tr key={assessment.id}>
                  <td>
                    <input
                      type="checkbox"
                      checked={chosen.has(assessment.id)}
                      onChange={() => toggle(assessment.id)}
                      aria-label={t('transfer.export.select', { title: `${assessment.title} (${assessment.clientName})` })}
                    />
                  </td>
                  <td>{assessment.title}</td>
                  <td>{assessment.clientName}</td>
                  <td>{t(`assessments.status.${assessment.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {missingPriors.map((assessment) => (
            <p key={assessment.id} className="field-hint">
              {t('transfer.export.priorMissing', { title: assessment.title })}
            </p>
          ))}
          <div className="field-row">
            <Field label={t('transfer.export.passphrase')} hint={t('transfer.export.passphraseHint')}>
              {(props) => (
                <input {...props} type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
              )}
            </Field>
            <Field label={t('transfer.export.confirm')}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  value={confirmation}
                  onChange={(event) => setConfirmation(event.target.value)}
                  disabled={passphrase === ''}
                />
              )}
            </Field>
          </div>
          <TransferProblems problem={problem} error={exporting.error} />
          {done ? (
            <p className="success-box" role="status">
              {done}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="primary" disabled={exporting.busy}>
              {exporting.busy ? t('transfer.working') : t('transfer.export.button')}
            </button>
          </div>
          <CallProgress methods={['transfer.exportPackage']} />
        </form>
      ) : null}
    </section>
  );
}
