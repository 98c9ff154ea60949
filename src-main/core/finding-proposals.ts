// Proposes findings from the red and yellow factors of an assessment's whole result, with text
// from the guide, and never twice for a factor that already has a finding.
import { exposureFactorSentence, exposureItemSentence } from './count-sentences';
import type { FactorExposure } from './exposure';
import { localize, type Guide, type GuideFactor } from './guide';
import type { Finding } from './risk';
import { consequenceLabels, type RiskMatrix } from './risk-matrix';
import { formatScore } from './score-format';
import type { AssessmentResult } from './scoring';
import type { TrafficLight } from './traffic-light';

/** The consultant's languages, which proposals are written in. */
export type ProposalLanguage = 'nb' | 'en';

/** What a proposal fills in; the rating is left to the consultant. */
export interface FindingDraft {
  title: string;
  factorIds: string[];
  hazard: string;
  causes: string;
  exposed: string;
  existingMeasures: string;
  justification: string;
  /** Set for a factor with reported exposure (harassment, violence and the like): the finding
   * starts at a serious consequence rather than unrated (see startingRating). */
  startsSerious?: true;
}

export interface FindingProposals {
  drafts: FindingDraft[];
  /** Red or yellow factors skipped because a finding (of any status, dismissed too) names them. */
  coveredFactorIds: string[];
  /** Factors whose whole-assessment result is withheld: no proposal can rest on numbers not shown. */
  withheldFactorIds: string[];
}

const phrases = {
  nb: {
    light: { red: 'rødt', yellow: 'gult' },
    result: (light: string, score: string, n: number) => `Kartleggingen gir ${light} nivå for faktoren (skår ${score} av 100, ${n} svar).`,
    legalBasis: 'Rettslig grunnlag',
  },
  en: {
    light: { red: 'red', yellow: 'yellow' },
    result: (light: string, score: string, n: number) => `The mapping puts the factor at ${light} (score ${score} of 100, ${n} responses).`,
    legalBasis: 'Legal basis',
  },
} as const;

function legalBasisLine(guide: Guide, factor: GuideFactor, language: ProposalLanguage): string {
  const references = factor.legalBasis.flatMap((id) => {
    const reference = guide.legalReferences.find((r) => r.id === id);
    return reference ? [`${reference.citation} (${localize(reference.title, language)})`] : [];
  });
  return references.length ? `${phrases[language].legalBasis}: ${references.join('; ')}.` : '';
}

/** The plain sentences for an exposure factor: one per item that anyone reported, then the factor. */
export function exposureSentences(guide: Guide, exposure: FactorExposure, language: ProposalLanguage): string[] {
  const items = exposure.items.flatMap((count) => {
    const item = guide.items.find((entry) => entry.id === count.itemId);
    if (!item || count.exposed === 0) return [];
    return [exposureItemSentence(count, localize(item.text, language), { kind: 'total' }, language)];
  });
  return [...items, exposureFactorSentence(exposure, language)];
}

function draftFor(
  guide: Guide,
  factor: GuideFactor,
  light: Exclude<TrafficLight, 'green'>,
  result: { score: number | null; n: number; exposure?: FactorExposure },
  language: ProposalLanguage,
): FindingDraft {
  const words = phrases[language];
  const evidence = result.exposure
    ? exposureSentences(guide, result.exposure, language).join('\n')
    : words.result(words.light[light], formatScore(result.score ?? 0, { locale: language }), result.n);
  return {
    title: localize(factor.title, language),
    factorIds: [factor.id],
    hazard: [localize(factor.description, language), [evidence, legalBasisLine(guide, factor, language)].filter(Boolean).join('\n')].join('\n\n'),
    causes: '',
    exposed: '',
    existingMeasures: '',
    justification: '',
    ...(result.exposure && { startsSerious: true as const }),
  };
}

/** The rating a proposed finding starts with: unrated, or for exposure the "Serious" consequence
 * step of the consultancy's matrix with the likelihood left to the consultant. */
export function startingRating(draft: Pick<FindingDraft, 'startsSerious'>, matrix: Pick<RiskMatrix, 'size'>): { consequence: number | null; matrixSize: number | null } {
  if (!draft.startsSerious) return { consequence: null, matrixSize: null };
  const serious = consequenceLabels[matrix.size].findIndex((label) => label.en === 'Serious') + 1;
  return { consequence: serious > 0 ? serious : matrix.size, matrixSize: matrix.size };
}

/** Red factors first, then yellow, each in guide order: the worst first for the consultant. */
export function proposeFindings(
  guide: Guide,
  result: AssessmentResult,
  existing: readonly Pick<Finding, 'factorIds'>[],
  language: ProposalLanguage,
): FindingProposals {
  const covered = new Set(existing.flatMap((finding) => finding.factorIds));
  const proposals: FindingProposals = { drafts: [], coveredFactorIds: [], withheldFactorIds: [] };
  for (const light of ['red', 'yellow'] as const) {
    for (const factor of guide.factors) {
      const factorResult = result.factors.find((r) => r.factorId === factor.id);
      if (!factorResult) continue;
      if (factorResult.suppressed) {
        if (light === 'red') proposals.withheldFactorIds.push(factor.id);
        continue;
      }
      if (factorResult.light !== light || (factorResult.score === null && !factorResult.exposure)) continue;
      if (covered.has(factor.id)) proposals.coveredFactorIds.push(factor.id);
      else proposals.drafts.push(draftFor(guide, factor, light, factorResult, language));
    }
  }
  return proposals;
}
