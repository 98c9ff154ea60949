// An assessment's results as they stand: factor scores, answer distributions, groups and the prior assessment.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../src-main/core/localize';
import { plannedGuide } from '../../../src-main/core/guide-modules';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiLoad } from '../../lib/api/use-api';
import { CountedResultsSection } from './CountedResultsSection';
import { DistributionSection } from './DistributionSection';
import { FactorScoresSection } from './FactorScoresSection';
import { GroupComparisonSection } from './GroupComparisonSection';
import { RolesApartSection } from './RolesApartSection';
import { PriorComparisonSection } from './PriorComparisonSection';

/** Printing shows every factor's distribution, not only the ones opened on screen. */
function openAllDetails() {
  document.querySelectorAll<HTMLDetailsElement>('.results details').forEach((details) => {
    details.open = true;
  });
}

export function ResultsScreen({ assessmentId }: { assessmentId: string }) {
  const { t, i18n } = useTranslation();
  const { data: loaded, errorMessage, reload } = useApiLoad(assessmentId, async (api) => {
    const [results, assessment] = await Promise.all([api.call('results.get', { assessmentId }), api.call('assessments.get', { id: assessmentId })]);
    // The factors the assessment asked: its core set and chosen modules, as results.get scored them.
    const guide = plannedGuide(await api.call('guides.get', { id: results.guideId, version: results.guideVersion }), assessment.modules);
    return { results, assessment, guide };
  });

  useEffect(() => {
    window.addEventListener('beforeprint', openAllDetails);
    return () => window.removeEventListener('beforeprint', openAllDetails);
  }, []);

  if (errorMessage) return <LoadError message={`${t('results.loadFailed')} ${errorMessage}`} onRetry={() => void reload()} />;
  if (!loaded) return <Loading />;

  const { results, assessment, guide } = loaded;
  const { result } = results;
  const hasAnswers = result.factors.some((factor) => factor.suppressed || factor.n > 0);

  return (
    <section aria-labelledby="results-title" className="results">
      <div className="screen-header">
        <h1 id="results-title">
          {t('results.title')}: {assessment.title}
        </h1>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('results.print')}
        </button>
      </div>
      <p className="muted">
        {assessment.clientName}
        {assessment.unitName ? `, ${assessment.unitName}` : ''}
        {' · '}
        {t('results.guide', { title: localize(guide.title, i18n.language), version: guide.version })}
      </p>
      <p className="field-hint">{t('results.minGroupSize', { count: result.minimumGroupSize })}</p>
      {!hasAnswers ? <p className="empty">{t('results.noAnswers')}</p> : null}
      <FactorScoresSection guide={guide} factors={result.factors} />
      <CountedResultsSection guide={guide} result={result} />
      {hasAnswers ? <DistributionSection guide={guide} factors={result.factors} /> : null}
      {result.groups.length > 1 ? <GroupComparisonSection guide={guide} result={result} /> : null}
      {results.prior ? <PriorComparisonSection guide={guide} prior={results.prior} /> : null}
      {result.apart?.length ? <RolesApartSection guide={guide} apart={result.apart} /> : null}
    </section>
  );
}
