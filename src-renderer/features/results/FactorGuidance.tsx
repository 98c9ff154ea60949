// What a factor means, what the law requires, and concrete steps for the employer (who is
// responsible) and the safety representative: shown with the factor's answers, for those who act.
import { useTranslation } from 'react-i18next';
import type { GuideFactor } from '../../../src-main/core/guide';
import { localize, type LocalizedText } from '../../../src-main/core/localize';

function Steps({ heading, steps, language }: { heading: string; steps: LocalizedText[]; language: string }) {
  return (
    <>
      <h4>{heading}</h4>
      <ul>
        {steps.map((step, index) => (
          <li key={index}>{localize(step, language)}</li>
        ))}
      </ul>
    </>
  );
}

export function FactorGuidance({ factor }: { factor: GuideFactor }) {
  const { t, i18n } = useTranslation();
  const guidance = factor.guidance;
  if (!guidance) return null;
  const language = i18n.language;
  return (
    <section className="factor-guidance" aria-label={t('results.guidanceFor', { factor: localize(factor.title, language) })}>
      <h3>{t('results.guidanceTitle')}</h3>
      <p>{localize(guidance.meaning, language)}</p>
      <h4>{t('results.guidanceLaw')}</h4>
      <p>{localize(guidance.law, language)}</p>
      <Steps heading={t('results.guidanceEmployer')} steps={guidance.employerSteps} language={language} />
      <Steps heading={t('results.guidanceSafetyRepresentative')} steps={guidance.safetyRepresentativeSteps} language={language} />
    </section>
  );
}
