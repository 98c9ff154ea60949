// The whole assessment's factor scores: the table (the accessible version) and the same as a bar chart.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { factorScoreChartRows, factorScoreChartSvg } from '../../../src-main/core/charts';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import { formatScore, noScore } from '../../../src-main/core/score-format';
import type { FactorResult } from '../../../src-main/core/scoring';
import { TrafficLightLabel } from './TrafficLightLabel';
import { scoreChartTexts, svgDataUrl, withheldNote } from './chart-texts';

export function FactorScoresSection({ guide, factors }: { guide: Guide; factors: FactorResult[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const svg = useMemo(
    () =>
      factorScoreChartSvg(factorScoreChartRows(guide, factors, language, withheldNote(t)), {
        texts: scoreChartTexts(t),
        title: t('results.factorScores'),
        // About the width it gets beside the table, so its text is not scaled down.
        width: 620,
        locale: language,
        language,
      }),
    [guide, factors, language, t],
  );
  const byFactor = new Map(factors.map((result) => [result.factorId, result]));

  return (
    <section aria-labelledby="factor-scores-title" className="results-section">
      <h2 id="factor-scores-title">{t('results.wholeAssessment')}</h2>
      <div className="table-and-chart">
        <table className="data-table factor-scores">
          <caption>{t('results.factorScores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.factor')}</th>
              <th scope="col" className="number">
                {t('results.score')}
              </th>
              <th scope="col" className="number">
                {t('results.n')}
              </th>
              <th scope="col">{t('results.light')}</th>
            </tr>
          </thead>
          <tbody>
            {guide.factors.map((factor) => {
              const result = byFactor.get(factor.id);
              return (
                <tr key={factor.id}>
                  <th scope="row">
                    {localize(factor.title, language)}
                    <div className="muted score-direction">{t(`scoreDirection.${factor.direction}`)}</div>
                  </th>
                  {!result ? (
                    <td colSpan={3}>{noScore}</td>
                  ) : result.suppressed ? (
                    <td colSpan={3} className="withheld">
                      {withheldNote(t)(result.reason)}
                    </td>
                  ) : (
                    <>
                      <td className="number">{formatScore(result.score, { locale: language })}</td>
                      <td className="number">{result.n}</td>
                      <td>{result.light ? <TrafficLightLabel light={result.light} /> : noScore}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        <figure className="chart">
          <img src={svgDataUrl(svg)} alt={t('results.factorChartAlt')} />
        </figure>
      </div>
    </section>
  );
}
