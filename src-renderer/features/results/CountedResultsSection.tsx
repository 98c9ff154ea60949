// Exposure and knowledge items (guide format 2) as counts and shares in plain sentences, for the
// whole assessment and each shown group: never as a mean, never as a green light.
import { useTranslation } from 'react-i18next';
import { exposureFactorSentence, exposureItemSentence, knowledgeSentence, type CountScope } from '../../../src-main/core/count-sentences';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import type { AssessmentResult, FactorResult } from '../../../src-main/core/scoring';
import { TrafficLightLabel } from './TrafficLightLabel';

function Counts({ guide, result, scope }: { guide: Guide; result: FactorResult; scope: CountScope }) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nb';
  if (result.suppressed) return null;
  const question = (itemId: string) => localize(guide.items.find((item) => item.id === itemId)!.text, language);
  const sentences = [
    ...(result.exposure ? result.exposure.items.map((count) => exposureItemSentence(count, question(count.itemId), scope, language)) : []),
    ...(result.exposure ? [exposureFactorSentence(result.exposure, language)] : []),
    ...(result.knowledge ?? []).map((count) => knowledgeSentence(count, question(count.itemId), language)),
  ];
  if (sentences.length === 0) return null;
  return (
    <ul className="counted-sentences">
      {sentences.map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}

const counted = (result: FactorResult | undefined) => !!result && !result.suppressed && (!!result.exposure || !!result.knowledge);

export function CountedResultsSection({ guide, result }: { guide: Guide; result: AssessmentResult }) {
  const { t, i18n } = useTranslation();
  const factors = guide.factors.filter((factor) => counted(result.factors.find((r) => r.factorId === factor.id)) || result.groups.some((g) => counted(g.factors.find((r) => r.factorId === factor.id))));
  if (factors.length === 0) return null;
  return (
    <section aria-labelledby="counted-title" className="results-section" data-testid="counted-results">
      <h2 id="counted-title">{t('results.counted.title')}</h2>
      <p className="field-hint">{t('results.counted.intro')}</p>
      {factors.map((factor) => {
        const total = result.factors.find((r) => r.factorId === factor.id);
        return (
          <div key={factor.id}>
            <h3>
              {localize(factor.title, i18n.language)}
              {total && !total.suppressed && total.light ? (
                <>
                  {' '}
                  <TrafficLightLabel light={total.light} />
                </>
              ) : null}
            </h3>
            {total ? <Counts guide={guide} result={total} scope={{ kind: 'total' }} /> : null}
            {result.groups.map((group) => {
              const groupResult = group.factors.find((r) => r.factorId === factor.id);
              return groupResult ? <Counts key={group.group} guide={guide} result={groupResult} scope={{ kind: 'group', name: group.group }} /> : null;
            })}
          </div>
        );
      })}
    </section>
  );
}
