// This assessment against the prior one: both scores, the difference, and whether that is better or worse.
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { defaultComparisonTolerance, type Change } from '../../../src-main/core/comparison';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import { formatDifference, formatScore } from '../../../src-main/core/score-format';
import { withheldNote } from './chart-texts';

type Prior = NonNullable<MethodOutput<'results.get'>['prior']>;

const changeSymbols: Record<Change, string> = { better: '↗', worse: '↘', unchanged: '→' };

export function PriorComparisonSection({ guide, prior }: { guide: Guide; prior: Prior }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const comparisons = new Map(prior.comparison.map((comparison) => [comparison.factorId, comparison]));
  return (
    <section aria-labelledby="prior-title" className="results-section">
      <h2 id="prior-title">{t('results.priorTitle')}</h2>
      <p className="field-hint">{t('results.priorHint', { tolerance: defaultComparisonTolerance })}</p>
      <table className="data-table prior-comparison">
        <caption>{t('results.priorCaption', { title: prior.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.factor')}</th>
            <th scope="col" className="number">
              {t('results.previous')}
            </th>
            <th scope="col" className="number">
              {t('results.current')}
            </th>
            <th scope="col" className="number">
              {t('results.difference')}
            </th>
            <th scope="col">{t('results.change')}</th>
          </tr>
        </thead>
        <tbody>
          {guide.factors.map((factor) => {
            const comparison = comparisons.get(factor.id);
            if (!comparison) return null;
            return (
              <tr key={factor.id}>
                <th scope="row">{localize(factor.title, language)}</th>
                {comparison.suppressed ? (
                  <td colSpan={4} className="withheld">
                    {withheldNote(t)(comparison.reason)}
                  </td>
                ) : (
                  <>
                    <td className="number">{formatScore(comparison.a, { locale: language })}</td>
                    <td className="number">{formatScore(comparison.b, { locale: language })}</td>
                    <td className="number">{formatDifference(comparison.difference, { locale: language })}</td>
                    <td className={comparison.change ? `change change-${comparison.change}` : undefined}>
                      {comparison.change ? (
                        <>
                          <span aria-hidden="true">{changeSymbols[comparison.change]} </span>
                          {t(`results.changes.${comparison.change}`)}
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
