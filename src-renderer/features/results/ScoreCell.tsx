// One factor result in a table cell: the rounded score, its light and n, or why it is withheld, with no numbers.
import { useTranslation } from 'react-i18next';
import { formatScore, noScore } from '../../../src-main/core/score-format';
import type { FactorResult } from '../../../src-main/core/scoring';
import { TrafficLightLabel } from './TrafficLightLabel';
import { withheldNote } from './chart-texts';

export function ScoreCell({ result }: { result: FactorResult | undefined }) {
  const { t, i18n } = useTranslation();
  if (!result) return <td>{noScore}</td>;
  if (result.suppressed) return <td className="withheld">{withheldNote(t)(result.reason)}</td>;
  if (result.score === null) return <td>{noScore}</td>;
  return (
    <td>
      <span className="score">{formatScore(result.score, { locale: i18n.language })}</span>
      {result.light ? (
        <>
          {' '}
          <TrafficLightLabel light={result.light} />
        </>
      ) : null}
      <span className="muted cell-n"> {t('results.cellN', { n: result.n })}</span>
    </td>
  );
}
