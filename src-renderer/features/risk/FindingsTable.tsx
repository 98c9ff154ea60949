// The findings in play (proposed and accepted) with what the consultant can do to each, and the
// dismissed ones with their reasons, kept for the record.
import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import type { Finding } from '../../../src-main/core/risk';
import type { RiskMatrix } from '../../../src-main/core/risk-matrix';
import { LevelLabel } from './LevelLabel';
import { ResidualRating } from './ResidualRating';

export type FindingAction = 'accept' | 'edit' | 'dismiss' | 'reopen' | 'confirmRating';

interface FindingsTableProps {
  findings: Finding[];
  numbers: Map<string, number>;
  guide: Guide;
  busy: boolean;
  onAction(action: FindingAction, finding: Finding): void;
  /** The proposed findings chosen for a decision on several at once. */
  selected: ReadonlySet<string>;
  onSelect(ids: string[], selected: boolean): void;
  /** The current matrix, for the residual rating of accepted findings. */
  matrix: RiskMatrix;
  onResidual(finding: Finding, likelihood: number | null, consequence: number | null): void;
}

export function FindingsTable({ findings, numbers, guide, busy, onAction, selected, onSelect, matrix, onResidual }: FindingsTableProps) {
  const { t, i18n } = useTranslation();
  const factorNames = (finding: Finding) =>
    finding.factorIds.map((id) => {
      const factor = guide.factors.find((f) => f.id === id);
      return factor ? localize(factor.title, i18n.language) : id;
    });
  const button = (action: FindingAction, finding: Finding, className?: string) => (
    <button
      type="button"
      className={className}
      disabled={busy}
      aria-label={t(`risk.findings.${action}Named`, { title: finding.title })}
      onClick={() => onAction(action, finding)}
    >
      {t(`risk.findings.${action}`)}
    </button>
  );
  const open = findings.filter((f) => f.status !== 'dismissed');
  const dismissed = findings.filter((f) => f.status === 'dismissed');
  const proposedIds = open.filter((f) => f.status === 'proposed').map((f) => f.id);
  const allSelected = proposedIds.length > 0 && proposedIds.every((id) => selected.has(id));

  return (
    <>
      {open.length ? (
        <table className="data-table findings-table">
          <caption className="visually-hidden">{t('risk.findings.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="select-column">
                {proposedIds.length ? (
                  <input type="checkbox" aria-label={t('findingsBulk.selectAll')} checked={allSelected} onChange={(event) => onSelect(proposedIds, event.target.checked)} />
                ) : null}
              </th>
              <th scope="col">{t('risk.findings.number')}</th>
              <th scope="col">{t('risk.findings.finding')}</th>
              <th scope="col">{t('risk.findings.status')}</th>
              <th scope="col">{t('risk.findings.levelColumn')}</th>
              <th scope="col">{t('risk.findings.exposed')}</th>
              <th scope="col">{t('risk.findings.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((finding) => (
              <tr key={finding.id} className={finding.status === 'proposed' ? 'finding-proposed' : undefined}>
                <td className="select-column">
                  {finding.status === 'proposed' ? (
                    <input
                      type="checkbox"
                      aria-label={t('findingsBulk.select', { title: finding.title })}
                      checked={selected.has(finding.id)}
                      onChange={(event) => onSelect([finding.id], event.target.checked)}
                    />
                  ) : null}
                </td>
                <td>F{numbers.get(finding.id)}</td>
                <th scope="row" className="finding-title">
                  {finding.title}
                  {finding.factorIds.length ? <span className="muted finding-factors">{factorNames(finding).join(', ')}</span> : null}
                </th>
                <td>
                  <span className={`finding-status finding-status-${finding.status}`}>{t(`risk.findings.statuses.${finding.status}`)}</span>
                  <span className="muted finding-origin">{t(`risk.findings.origin.${finding.origin}`)}</span>
                </td>
                <td>
                  <LevelLabel level={finding.level} />
                  {finding.likelihood !== null ? (
                    <span className="muted finding-rating">
                      {t('risk.rating', { likelihood: finding.likelihood, consequence: finding.consequence })}
                      {finding.needsReview ? ` (${t('risk.findings.ratedOn', { size: finding.matrixSize })})` : null}
                    </span>
                  ) : null}
                  {finding.needsReview ? <span className="risk-note">{t('risk.findings.needsReview')}</span> : null}
                  {finding.status === 'accepted' && !finding.needsReview ? (
                    <ResidualRating
                      finding={finding}
                      number={`F${numbers.get(finding.id)}`}
                      matrix={matrix}
                      busy={busy}
                      onSave={(likelihood, consequence) => onResidual(finding, likelihood, consequence)}
                    />
                  ) : null}
                </td>
                <td>{finding.exposed}</td>
                <td>
                  <div className="button-row row-actions">
                    {finding.status === 'proposed' ? button('accept', finding, 'primary') : null}
                    {finding.needsReview ? button('confirmRating', finding) : null}
                    {button('edit', finding)}
                    {button('dismiss', finding, 'danger')}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {dismissed.length ? (
        <>
          <h3>{t('risk.findings.dismissedTitle')}</h3>
          <table className="data-table findings-table">
            <caption className="visually-hidden">{t('risk.findings.dismissedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.findings.number')}</th>
                <th scope="col">{t('risk.findings.finding')}</th>
                <th scope="col">{t('risk.findings.dismissReason')}</th>
                <th scope="col">{t('risk.findings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {dismissed.map((finding) => (
                <tr key={finding.id}>
                  <td>F{numbers.get(finding.id)}</td>
                  <th scope="row" className="finding-title">
                    {finding.title}
                  </th>
                  <td>{finding.dismissalReason}</td>
                  <td>{button('reopen', finding)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
