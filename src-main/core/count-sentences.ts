// Plain sentences for counted results (exposure and knowledge items, guide format 2), in the
// consultant's languages: the same words on screen, in findings and in reports.
import { sharePercent, type FactorExposure, type ItemExposure, type KnowledgeCount } from './exposure';

export type SentenceLanguage = 'nb' | 'en';

/** Where a count comes from: the whole assessment, or one group. */
export type CountScope = { kind: 'total' } | { kind: 'group'; name: string };

const share = (part: number, whole: number, language: SentenceLanguage) => {
  const percent = sharePercent(part, whole);
  if (percent === null) return '';
  return language === 'nb' ? ` (${percent} %)` : ` (${percent}%)`;
};

function where(scope: CountScope, language: SentenceLanguage): string {
  if (language === 'nb') return scope.kind === 'total' ? 'I hele kartleggingen' : `I gruppen ${scope.name}`;
  return scope.kind === 'total' ? 'Across the whole mapping' : `In the group ${scope.name}`;
}

/** "I hele kartleggingen svarte 3 av 19 (16 %) at de har opplevd dette det siste året: «…»" */
export function exposureItemSentence(count: ItemExposure, question: string, scope: CountScope, language: SentenceLanguage): string {
  const ratio = `${count.exposed} ${language === 'nb' ? 'av' : 'of'} ${count.answered}${share(count.exposed, count.answered, language)}`;
  return language === 'nb'
    ? `${where(scope, language)} svarte ${ratio} at de har opplevd dette det siste året: «${question}»`
    : `${where(scope, language)}, ${ratio} answered that they had experienced this in the last year: "${question}"`;
}

/** The factor as a whole: the fewest people who reported anything, and the rule that makes it red. */
export function exposureFactorSentence(exposure: FactorExposure, language: SentenceLanguage): string {
  if (exposure.exposed === 0) {
    return language === 'nb'
      ? `Ingen av de ${exposure.answered} som svarte, rapporterte noen hendelse.`
      : `None of the ${exposure.answered} who answered reported any incident.`;
  }
  return language === 'nb'
    ? `Minst ${exposure.exposed} av ${exposure.answered} som svarte, rapporterte minst én hendelse. Ett tilfelle er nok til rødt nivå, uansett gjennomsnitt.`
    : `At least ${exposure.exposed} of the ${exposure.answered} who answered reported at least one incident. One case is enough for red, whatever the mean.`;
}

/** "7 av 12 (58 %) svarte «Ja» på «Vet du hvem verneombudet ditt er?»" */
export function knowledgeSentence(count: KnowledgeCount, question: string, language: SentenceLanguage): string {
  return language === 'nb'
    ? `${count.yes} av ${count.answered}${share(count.yes, count.answered, 'nb')} svarte «Ja» på «${question}»`
    : `${count.yes} of ${count.answered}${share(count.yes, count.answered, 'en')} answered "Yes" to "${question}"`;
}
