// An assessment's revisions: issue the current one, read the issued ones, and compare two of them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notices';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiQuery } from '../../lib/api/use-api';
import { formatDateTime } from '../../lib/dates';
import { IssueDialog } from '../reports/IssueDialog';
import { ComparisonView } from './ComparisonView';
import { RevisionView } from './RevisionView';
import { RiskArea } from './RiskArea';
import { useRisk } from './risk-store';

export function RevisionsScreen({ assessmentId }: { assessmentId: string }) {
  return (
    <RiskArea assessmentId={assessmentId} tab="revisions">
      <RevisionsContent assessmentId={assessmentId} />
    </RiskArea>
  );
}

function RevisionsContent({ assessmentId }: { assessmentId: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { guide, findings, refresh } = useRisk();
  const [confirmingIssue, setConfirmingIssue] = useState(false);
  const [viewedNumber, setViewed] = useState<number | null>(null);
  const [compared, setComparison] = useState<{ a: number; b: number } | null>(null);
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const list = useApiQuery('revisions.list', { assessmentId });
  // The revision read and the pair compared are what the user chose last; an earlier choice's answer never lands.
  const viewedQuery = useApiQuery('revisions.get', viewedNumber === null ? null : { assessmentId, number: viewedNumber });
  const comparisonQuery = useApiQuery('revisions.compare', compared && { assessmentId, ...compared });
  const viewed = viewedQuery.data;
  const comparison = comparisonQuery.data;
  const actionError = viewedQuery.errorMessage ?? comparisonQuery.errorMessage;

  const overview = list.data;
  if (list.errorMessage) return <LoadError message={list.errorMessage} onRetry={() => void list.reload()} />;
  if (!overview || !guide) return <Loading />;

  const issuedNumbers = overview.revisions.map((r) => r.number);
  const choices = overview.issued ? issuedNumbers : [...issuedNumbers, overview.currentRevision];
  const label = (number: number) =>
    !overview.issued && number === overview.currentRevision ? t('risk.revisions.inProgress', { number }) : String(number);
  const chosen = pair ?? { a: String(choices[Math.max(0, choices.length - 2)] ?? ''), b: String(choices[choices.length - 1] ?? '') };
  const findingTitles = new Map(findings.map((f) => [f.id, f.title]));

  function compare(event: FormEvent) {
    event.preventDefault();
    setComparison({ a: Number(chosen.a), b: Number(chosen.b) });
  }

  return (
    <>
      <section aria-labelledby="revision-state-title">
        <h2 id="revision-state-title" className="visually-hidden">
          {t('risk.revisions.title')}
        </h2>
        <div className="section-header">
          <p className="revision-state">
            {overview.issued
              ? t('risk.revisions.currentIssued', { number: overview.currentRevision })
              : t('risk.revisions.current', { number: overview.currentRevision })}
          </p>
          {overview.issued ? null : (
            <button type="button" className="primary" onClick={() => setConfirmingIssue(true)}>
              {t('risk.revisions.issue', { number: overview.currentRevision })}
            </button>
          )}
        </div>
        {actionError ? (
          <p className="error-text" role="alert">
            {actionError}
          </p>
        ) : null}
        {overview.revisions.length === 0 ? (
          <p className="empty">{t('risk.revisions.empty')}</p>
        ) : (
          <table className="data-table revisions-table">
            <caption className="visually-hidden">{t('risk.revisions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.revisions.number')}</th>
                <th scope="col">{t('risk.revisions.frozenAt')}</th>
                <th scope="col">{t('risk.revisions.findings')}</th>
                <th scope="col">{t('risk.revisions.measures')}</th>
                <th scope="col">{t('risk.revisions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.revisions.map((revision) => (
                <tr key={revision.number}>
                  <th scope="row">{revision.number}</th>
                  <td>{formatDateTime(revision.frozenAt, i18n.language)}</td>
                  <td>{revision.findingCount}</td>
                  <td>{revision.measureCount}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('risk.revisions.viewNamed', { number: revision.number })}
                      onClick={() => setViewed(revision.number)}
                    >
                      {t('risk.revisions.view')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {viewed ? <RevisionView snapshot={viewed} onClose={() => setViewed(null)} /> : null}
      <section aria-labelledby="compare-title">
        <h2 id="compare-title">{t('risk.revisions.compareTitle')}</h2>
        {issuedNumbers.length === 0 || choices.length < 2 ? (
          <p className="muted">{t('risk.revisions.needTwo')}</p>
        ) : (
          <form className="compare-form" onSubmit={compare}>
            {(['a', 'b'] as const).map((side) => (
              <div className="field" key={side}>
                <label htmlFor={`compare-${side}`}>{t(side === 'a' ? 'risk.revisions.compareFrom' : 'risk.revisions.compareTo')}</label>
                <select id={`compare-${side}`} value={chosen[side]} onChange={(event) => setPair({ ...chosen, [side]: event.target.value })}>
                  {choices.map((number) => (
                    <option key={number} value={String(number)}>
                      {label(number)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit">{t('risk.revisions.compare')}</button>
          </form>
        )}
        {comparison ? <ComparisonView comparison={comparison} guide={guide} findingTitles={findingTitles} /> : null}
      </section>
      {confirmingIssue ? (
        <IssueDialog
          assessmentId={assessmentId}
          revision={overview.currentRevision}
          onCancel={() => setConfirmingIssue(false)}
          onIssued={async (issued) => {
            setConfirmingIssue(false);
            setComparison(null);
            setPair(null);
            notify(t('risk.revisions.issued', { number: issued.number }));
            await Promise.all([list.reload(), refresh()]);
          }}
        />
      ) : null}
    </>
  );
}
