// An assessment's details as a read-only list: client, unit, period, consultant, method, guide, group size, mandate.
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../src-main/core/assessments';
import { localize } from '../../../src-main/core/localize';
import type { GuideSummary } from './assessments-store';
import { GuideLanguages } from './GuideLanguages';
import { plannedPeriod } from './planned-period';

export function AssessmentFacts({ assessment, guide }: { assessment: AssessmentSummary; guide: GuideSummary | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('assessments.client')}</dt>
      <dd>{assessment.clientName}</dd>
      <dt>{t('assessments.unit')}</dt>
      <dd>{assessment.unitName ?? t('assessments.wholeClient')}</dd>
      <dt>{t('assessments.columnPlanned')}</dt>
      <dd>{plannedPeriod(t, i18n.language, assessment.plannedStart, assessment.plannedEnd)}</dd>
      <dt>{t('assessments.consultant')}</dt>
      <dd>{assessment.consultant || t('assessments.notSet')}</dd>
      <dt>{t('assessments.methodLabel')}</dt>
      <dd>{t(`assessments.method.${assessment.method}`)}</dd>
      <dt>{t('assessments.guide')}</dt>
      <dd>
        {guide
          ? t('assessments.guideOption', { title: localize(guide.title, i18n.language), version: guide.version })
          : `${assessment.guideId} ${assessment.guideVersion}`}
        {guide ? <GuideLanguages languages={guide.languages} /> : null}
      </dd>
      <dt>{t('assessments.minGroupSize')}</dt>
      <dd>{assessment.minGroupSize}</dd>
      <dt>{t('assessments.mandate')}</dt>
      <dd className="multiline">{assessment.mandate || t('assessments.notSet')}</dd>
      <dt>{t('assessments.conclusions')}</dt>
      <dd className="multiline">{assessment.conclusions || t('assessments.notSet')}</dd>
      {assessment.noResultsReason ? (
        <>
          <dt>{t('assessments.noResultsReason')}</dt>
          <dd className="multiline">{assessment.noResultsReason}</dd>
        </>
      ) : null}
    </dl>
  );
}
