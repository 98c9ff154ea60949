// The risk matrix as a heat map: a table with likelihood rows (highest on top) and consequence
// columns, each cell naming its level and counting the findings placed on it.
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import type { Finding } from '../../../src-main/core/risk';
import { consequenceLabels, likelihoodLabels, matrixSteps, riskLevel, type RiskMatrix } from '../../../src-main/core/risk-matrix';
import { LevelLabel } from './LevelLabel';

interface RiskMatrixGridProps {
  matrix: RiskMatrix;
  /** The findings still in play (not dismissed); those rated on this matrix are placed. */
  findings: Finding[];
  numbers: Map<string, number>;
  /** Off for a preview of the matrix alone, as in the settings. */
  showFindings?: boolean;
}

export function RiskMatrixGrid({ matrix, findings, numbers, showFindings = true }: RiskMatrixGridProps) {
  const { t, i18n } = useTranslation();
  const steps = matrixSteps(matrix);
  const placed = findings.filter((f) => f.likelihood !== null && f.consequence !== null && f.matrixSize === matrix.size);
  const otherSize = findings.filter((f) => f.likelihood !== null && f.matrixSize !== matrix.size).length;
  const unrated = findings.filter((f) => f.likelihood === null).length;
  const stepLabel = (labels: typeof likelihoodLabels, value: number) =>
    t('risk.matrix.step', { value, label: localize(labels[matrix.size][value - 1], i18n.language) });

  return (
    <div className="risk-matrix-wrap">
      <table className="risk-matrix">
        <caption>{t(showFindings ? 'risk.matrix.caption' : 'risk.matrix.previewCaption', { size: matrix.size })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risk.matrix.corner')}</th>
            {steps.map((consequence) => (
              <th scope="col" key={consequence}>
                {stepLabel(consequenceLabels, consequence)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...steps].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">{stepLabel(likelihoodLabels, likelihood)}</th>
              {steps.map((consequence) => {
                const level = riskLevel(matrix, likelihood, consequence);
                const here = placed.filter((f) => f.likelihood === likelihood && f.consequence === consequence);
                return (
                  <td key={consequence} className={`risk-cell risk-${level}${here.length ? ' risk-cell-filled' : ''}`}>
                    <LevelLabel level={level} />
                    {showFindings ? (
                      <span className="risk-cell-count">{here.length ? t('risk.matrix.count', { count: here.length }) : t('risk.matrix.none')}</span>
                    ) : null}
                    {here.length ? (
                      <span className="risk-cell-findings">{here.map((f) => `F${numbers.get(f.id)}`).join(', ')}</span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t('risk.matrix.bands', { mediumFrom: matrix.mediumFrom, highFrom: matrix.highFrom })}</p>
      {otherSize ? <p className="risk-note">{t('risk.matrix.otherSize', { count: otherSize })}</p> : null}
      {unrated ? <p className="muted">{t('risk.matrix.unrated', { count: unrated })}</p> : null}
    </div>
  );
}
