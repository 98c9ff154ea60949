// Each group's factor scores beside the whole assessment's; withheld groups say why, and show no numbers.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupComparisonChartData, groupComparisonChartSvg } from '../../../src-main/core/charts';
import type { Guide } from '../../../src-main/core/guide';
import type { AssessmentResult } from '../../../src-main/core/scoring';
import { FactorColumnsTable } from './FactorColumnsTable';
import { scoreChartTexts, svgDataUrl, withheldNote } from './chart-texts';

export function GroupComparisonSection({ guide, result }: { guide: Guide; result: AssessmentResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns = useMemo(
    () => [{ label: t('results.wholeAssessment'), factors: result.factors }, ...result.groups.map((group) => ({ label: group.group, factors: group.factors }))],
    [result, t],
  );
  const svg = useMemo(
    () =>
      groupComparisonChartSvg(groupComparisonChartData(guide, columns, language, withheldNote(t)), {
        texts: scoreChartTexts(t),
        title: t('results.groupsCaption'),
        locale: language,
        language,
      }),
    [guide, columns, language, t],
  );

  return (
    <section aria-labelledby="groups-title" className="results-section">
      <h2 id="groups-title">{t('results.groupsTitle')}</h2>
      <p className="field-hint">{t('results.groupsHint', { count: result.minimumGroupSize })}</p>
      <FactorColumnsTable guide={guide} caption={t('results.groupsCaption')} columns={columns} className="group-comparison" />
      <figure className="chart">
        <img src={svgDataUrl(svg)} alt={t('results.groupsChartAlt')} />
      </figure>
    </section>
  );
}
