// The residual risk of an accepted finding: likelihood and consequence once the agreed measures are
// in place, chosen in two small selects; saved when both are chosen, or both cleared.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import type { Finding } from '../../../src-main/core/risk';
import { consequenceLabels, likelihoodLabels, matrixSteps, type RiskMatrix } from '../../../src-main/core/risk-matrix';
import { LevelLabel } from './LevelLabel';

interface ResidualRatingProps {
  finding: Finding;
  number: string;
  matrix: RiskMatrix;
  busy: boolean;
  onSave(likelihood: number | null, consequence: number | null): void;
}

const asText = (value: number | null | undefined) => (value ? String(value) : '');

export function ResidualRating({ finding, number, matrix, busy, onSave }: ResidualRatingProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState({ likelihood: asText(finding.residualLikelihood), consequence: asText(finding.residualConsequence) });
  useEffect(() => {
    setValues({ likelihood: asText(finding.residualLikelihood), consequence: asText(finding.residualConsequence) });
  }, [finding.residualLikelihood, finding.residualConsequence]);

  function choose(field: 'likelihood' | 'consequence', value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // One value alone is not a rating: it waits for the other.
    if (next.likelihood && next.consequence) onSave(Number(next.likelihood), Number(next.consequence));
    else if (!next.likelihood && !next.consequence && finding.residualLevel) onSave(null, null);
  }

  const select = (field: 'likelihood' | 'consequence', labels: typeof likelihoodLabels) => (
    <select
      aria-label={t(`risk.residual.${field}Named`, { number })}
      value={values[field]}
      disabled={busy}
      onChange={(event) => choose(field, event.target.value)}
    >
      <option value="">{t(`risk.residual.${field}`)}</option>
      {matrixSteps(matrix).map((step) => (
        <option key={step} value={String(step)}>
          {`${step} – ${localize(labels[matrix.size][step - 1], i18n.language)}`}
        </option>
      ))}
    </select>
  );

  return (
    <div className="residual-rating">
      <span className="muted">{t('risk.residual.title')}</span>
      {select('likelihood', likelihoodLabels)}
      {select('consequence', consequenceLabels)}
      {finding.residualLevel ? <LevelLabel level={finding.residualLevel} /> : null}
    </div>
  );
}
