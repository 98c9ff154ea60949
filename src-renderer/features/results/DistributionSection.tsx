// How the answers spread over each item's scale, per factor, opened one factor at a time, with the
// guide's guidance for those who act on it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { distributionChartRows, distributionChartSvg } from '../../../src-main/core/charts';
import type { Guide, GuideFactor } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import type { FactorResult, ShownFactorResult } from '../../../src-main/core/scoring';
import { FactorGuidance } from './FactorGuidance';
import { svgDataUrl } from './chart-texts';

function DistributionTables({ guide, factor, result }: { guide: Guide; factor: GuideFactor; result: ShownFactorResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const items = new Map(guide.items.map((item) => [item.id, item]));
  // Items of one factor can use different scales; each scale gets its own table with its own columns.
  const byScale = new Map<string, ShownFactorResult['items']>();
  for (const distribution of result.items) {
    const scaleId = items.get(distribution.itemId)?.scale ?? '';
    byScale.set(scaleId, [...(byScale.get(scaleId) ?? []), distribution]);
  }
  const title = localize(factor.title, language);
  return (
    <>
      {[...byScale].map(([scaleId, distributions]) => {
        const scale = guide.scales.find((s) => s.id === scaleId);
        const labels = new Map(scale?.points.map((point) => [point.value, localize(point.label, language)]) ?? []);
        const caption =
          byScale.size > 1 && scale
            ? t('results.distributionForScale', { factor: title, scale: t(`guides.scaleKind.${scale.kind}`) })
            : t('results.distributionFor', { factor: title });
        return (
          <table key={scaleId} className="data-table distribution">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.item')}</th>
                {distributions[0].options.map((option) => (
                  <th scope="col" key={option.value} className="number">
                    {labels.get(option.value) ?? option.value}
                  </th>
                ))}
                <th scope="col" className="number">
                  {t('results.notApplicable')}
                </th>
              </tr>
            </thead>
            <tbody>
              {distributions.map((distribution) => {
                const item = items.get(distribution.itemId);
                return (
                  <tr key={distribution.itemId}>
                    <th scope="row">
                      {item ? localize(item.text, language) : distribution.itemId}
                      {distribution.shortTally ? (
                        <span className="short-tally" data-testid="short-tally" title={t('resultsTally.shortHint', { ...distribution.shortTally })}>
                          {' '}
                          ({t('resultsTally.short', { ...distribution.shortTally })})
                        </span>
                      ) : null}
                    </th>
                    {distribution.options.map((option) => (
                      <td key={option.value} className="number">
                        {option.count}
                      </td>
                    ))}
                    <td className="number">{distribution.notApplicable}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

function FactorDistribution({ guide, factor, result }: { guide: Guide; factor: GuideFactor; result: FactorResult | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const title = localize(factor.title, language);
  const svg = useMemo(
    () =>
      result && !result.suppressed && result.n > 0
        ? distributionChartSvg(distributionChartRows(guide, result, language), {
            texts: { notApplicable: t('results.notApplicable'), withheld: t('results.withheld'), noAnswers: t('results.noAnswersItem'), axis: t('results.shareAxis') },
            title: t('results.distributionFor', { factor: title }),
            locale: language,
            language,
          })
        : null,
    [guide, result, language, t, title],
  );
  return (
    <details className="factor-distribution">
      <summary>
        {title}
        {result && !result.suppressed && result.n > 0 ? <span className="muted"> ({t('results.cellN', { n: result.n })})</span> : null}
      </summary>
      {!result || (!result.suppressed && result.n === 0) ? <p>{t('results.distributionEmpty')}</p> : null}
      {result?.suppressed ? <p className="withheld">{t('results.distributionWithheld')}</p> : null}
      {result && !result.suppressed && result.n > 0 ? (
        <>
          <DistributionTables guide={guide} factor={factor} result={result} />
          {svg ? (
            <figure className="chart">
              <img src={svgDataUrl(svg)} alt={t('results.distributionChartAlt', { factor: title })} />
            </figure>
          ) : null}
        </>
      ) : null}
      <FactorGuidance factor={factor} />
    </details>
  );
}

export function DistributionSection({ guide, factors }: { guide: Guide; factors: FactorResult[] }) {
  const { t } = useTranslation();
  const byFactor = new Map(factors.map((result) => [result.factorId, result]));
  return (
    <section aria-labelledby="distribution-title" className="results-section">
      <h2 id="distribution-title">{t('results.distributionTitle')}</h2>
      <p className="field-hint">{t('results.distributionHint')}</p>
      {guide.factors.map((factor) => (
        <FactorDistribution key={factor.id} guide={guide} factor={factor} result={byFactor.get(factor.id)} />
      ))}
    </section>
  );
}
