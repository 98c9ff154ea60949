// The named conditions a template's "when" block can test: a fixed table, never an expression.
import { guideTranslationIsDraft } from '../core/guide-texts';
import type { ReportContext } from './report-context';

interface ConditionSpec {
  description: string;
  holds(context: ReportContext): boolean;
}

const shownLights = (context: ReportContext) => context.data.result.factors.flatMap((f) => (f.suppressed || !f.light ? [] : [f.light]));

const conditions = {
  hasUnit: { description: 'The assessment is for a unit or site of the client', holds: (c) => c.data.snapshot.unit !== null },
  hasMandate: { description: 'The purpose and mandate are written', holds: (c) => c.data.snapshot.assessment.mandate.trim() !== '' },
  hasConsultancy: { description: "The consultancy's name is set in the settings", holds: (c) => c.data.branding.consultancyName.trim() !== '' },
  hasLogo: { description: 'The settings have a logo', holds: (c) => c.data.branding.logo !== null },
  hasPriorAssessment: { description: 'A prior assessment with the same guide can be compared', holds: (c) => c.data.prior !== null },
  hasSeveralGroups: { description: 'The interviews form more than one group', holds: (c) => c.data.result.groups.length > 1 },
  hasRedFactors: { description: 'At least one factor is red', holds: (c) => shownLights(c).includes('red') },
  hasRedOrYellowFactors: { description: 'At least one factor is red or yellow', holds: (c) => shownLights(c).some((l) => l !== 'green') },
  hasWithheldResults: {
    description: 'Some result (whole or group) is withheld',
    holds: (c) => [c.data.result.factors, ...c.data.result.groups.map((g) => g.factors)].some((list) => list.some((f) => f.suppressed)),
  },
  hasQuotes: { description: 'The interviews have anonymised quotes', holds: (c) => c.data.snapshot.interviews.some((i) => i.notes.some((n) => n.kind === 'quote')) },
  hasFindings: { description: 'At least one accepted finding', holds: (c) => c.findings().length > 0 },
  hasHighRisks: { description: 'At least one accepted finding rated high', holds: (c) => c.findings().some((f) => f.level === 'high') },
  hasMeasures: { description: 'The action plan has measures (dropped ones do not count)', holds: (c) => c.measures().length > 0 },
  hasFollowUpDate: { description: 'A follow-up date is set', holds: (c) => c.data.snapshot.assessment.followUpDate !== null },
  interpreterUsed: { description: 'An interpreter was used in an interview', holds: (c) => c.data.snapshot.interviews.some((i) => i.interpreterUsed) },
  hasConclusions: { description: "The consultant's conclusions are written", holds: (c) => (c.data.snapshot.assessment.conclusions ?? '').trim() !== '' },
  hasShownResults: { description: 'At least one factor has a result to show (not withheld, with a score)', holds: (c) => c.data.result.factors.some((f) => !f.suppressed && f.score !== null) },
  hasInterviews: { description: 'At least one interview was held', holds: (c) => c.data.snapshot.interviews.some((i) => i.status !== 'planned') },
  hasAgreedMeasures: { description: 'The action plan has agreed measures (not proposals, not dropped)', holds: (c) => c.measures().some((m) => m.status !== 'proposed') },
  hasFactorGuidance: {
    description: "The guide has guidance for those who must act (what a factor means, the law, steps for the employer and the safety representative)",
    holds: (c) => c.data.guide.factors.some((factor) => !!factor.guidance),
  },
  hasRightsInfo: { description: 'The guide has "your rights and who you can talk to" texts for the employees', holds: (c) => (c.data.guide.rightsInfo ?? []).length > 0 },
  isDraft: { description: 'A preview of changes that are not issued yet', holds: (c) => c.data.draft },
  draftTranslation: {
    description: "The guide's texts in the report's language are a draft translation, not all reviewed by a qualified translator",
    holds: (c) => guideTranslationIsDraft(c.data.guide, c.language),
  },
} satisfies Record<string, ConditionSpec>;

export type ConditionName = keyof typeof conditions;

export const conditionNames = Object.keys(conditions) as [ConditionName, ...ConditionName[]];

export function conditionHolds(name: ConditionName, context: ReportContext): boolean {
  return conditions[name].holds(context);
}

/** For docs/reports.md. */
export function describeConditions(): { name: string; description: string }[] {
  return Object.entries(conditions).map(([name, spec]) => ({ name, description: spec.description }));
}
