// An issued revision, read-only: its findings and measures exactly as they were frozen.
import { useTranslation } from 'react-i18next';
import type { IssuedSnapshot } from '../../../src-main/core/revisions';
import { riskNumbers } from '../../../src-main/core/risk';
import { formatDate, formatDateTime } from '../../lib/dates';
import { LevelLabel } from './LevelLabel';

export function RevisionView({ snapshot, onClose }: { snapshot: IssuedSnapshot; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const numbers = riskNumbers(snapshot.findings);
  const measureNumbers = riskNumbers(snapshot.measures);
  const findingTitle = (id: string | null) => {
    const finding = id ? snapshot.findings.find((f) => f.id === id) : undefined;
    return finding ? `F${numbers.get(finding.id)} ${finding.title}` : t('risk.measures.noFinding');
  };

  return (
    <section aria-labelledby="revision-view-title" className="risk-panel revision-view">
      <div className="section-header">
        <h2 id="revision-view-title">
          {t('risk.revisions.viewTitle', { number: snapshot.revision, date: formatDateTime(snapshot.frozenAt, i18n.language) })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('risk.revisions.closeView')}
        </button>
      </div>
      <h3>{t('risk.findings.title')}</h3>
      {snapshot.findings.length === 0 ? <p className="muted">{t('risk.findings.empty')}</p> : null}
      {snapshot.findings.length ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('risk.findings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.findings.number')}</th>
              <th scope="col">{t('risk.findings.finding')}</th>
              <th scope="col">{t('risk.findings.status')}</th>
              <th scope="col">{t('risk.findings.levelColumn')}</th>
              <th scope="col">{t('risk.findings.exposed')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.findings.map((finding) => (
              <tr key={finding.id}>
                <td>F{numbers.get(finding.id)}</td>
                <th scope="row">{finding.title}</th>
                <td>
                  {t(`risk.findings.statuses.${finding.status}`)}
                  {finding.dismissalReason ? <span className="muted finding-origin">{t('risk.findings.dismissedReason', { reason: finding.dismissalReason })}</span> : null}
                </td>
                <td>
                  <LevelLabel level={finding.level} />
                  {finding.likelihood !== null ? (
                    <span className="muted finding-rating">{t('risk.rating', { likelihood: finding.likelihood, consequence: finding.consequence })}</span>
                  ) : null}
                </td>
                <td>{finding.exposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>{t('risk.measures.title')}</h3>
      {snapshot.measures.length === 0 ? <p className="muted">{t('risk.measures.empty')}</p> : null}
      {snapshot.measures.length ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('risk.measures.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.findings.number')}</th>
              <th scope="col">{t('risk.measures.measure')}</th>
              <th scope="col">{t('risk.measures.responsible')}</th>
              <th scope="col">{t('risk.measures.deadline')}</th>
              <th scope="col">{t('risk.measures.priority')}</th>
              <th scope="col">{t('risk.measures.status')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.measures.map((measure) => (
              <tr key={measure.id}>
                <td>T{measureNumbers.get(measure.id)}</td>
                <th scope="row">
                  {measure.title}
                  <span className="muted measure-finding">{findingTitle(measure.findingId)}</span>
                </th>
                <td>{t(`risk.measures.roles.${measure.responsibleRole}`)}</td>
                <td>{measure.deadline ? formatDate(measure.deadline, i18n.language) : '–'}</td>
                <td>{t(`risk.measures.priorities.${measure.priority}`)}</td>
                <td>{t(`risk.measures.statuses.${measure.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
