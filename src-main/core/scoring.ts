// Scores an assessment: factor results for the whole and for each group, with suppression applied.
import type { FactorExposure, KnowledgeCount } from './exposure';
import type { Guide } from './guide';
import { indexGuide } from './guide-index';
import { summarizeFactor, summarizeUnion, type FactorSummary, type ItemDistribution, type ScoredSet } from './factor-summary';
import { scoreFactorInSet, type ResponseSet } from './response-set';
import { minimumGroupSize, suppressPartition, type SuppressionReason, type Visibility } from './suppression';
import { exposureLight, trafficLight, type TrafficLight } from './traffic-light';

export interface ScoringOptions {
  /** Default 5; a value below 3 is raised to 3. */
  minimumGroupSize?: number;
}

export interface ShownFactorResult {
  suppressed: false;
  factorId: string;
  /** 0–100 at full precision (round only for display), or null when nobody answered enough items. */
  score: number | null;
  /** Respondents behind the score. */
  n: number;
  light: TrafficLight | null;
  items: ItemDistribution[];
  /** Format 2 only: who reported exposure (then the light is red when anyone did, else null). */
  exposure?: FactorExposure;
  /** Format 2 only: how many answered "Ja" to each knowledge item. */
  knowledge?: KnowledgeCount[];
}

/** A withheld result carries no numbers at all, only why it is withheld. */
export interface WithheldFactorResult {
  suppressed: true;
  factorId: string;
  reason: SuppressionReason;
}

export type FactorResult = ShownFactorResult | WithheldFactorResult;

export interface GroupResult {
  group: string;
  /** One per factor, in guide order. */
  factors: FactorResult[];
}

export interface AssessmentResult {
  /** The minimum group size that was applied, after raising a too small setting. */
  minimumGroupSize: number;
  /** The whole assessment, one per factor in guide order. */
  factors: FactorResult[];
  /** One per group label, in the order the groups first appear among the response sets. */
  groups: GroupResult[];
}

export function scoreAssessment(
  guide: Guide,
  sets: readonly ResponseSet[],
  options: ScoringOptions = {},
): AssessmentResult {
  const index = indexGuide(guide);
  const minimum = minimumGroupSize(options.minimumGroupSize);
  const setsByGroup = new Map<string, ResponseSet[]>();
  for (const set of sets) {
    const group = setsByGroup.get(set.group);
    if (group) group.push(set);
    else setsByGroup.set(set.group, [set]);
  }
  const groups = [...setsByGroup.keys()];
  const groupFactors: FactorResult[][] = groups.map(() => []);
  const totalFactors: FactorResult[] = [];

  for (const factor of guide.factors) {
    // Each set is scored once per factor and reused for its group and for the total.
    const scored = new Map<ResponseSet, ScoredSet>(sets.map((set) => [set, { set, factor: scoreFactorInSet(index, factor.id, set) }]));
    const scoredSets = (members: readonly ResponseSet[]): ScoredSet[] => members.map((set) => scored.get(set)!);
    const groupSummaries = groups.map((group) => summarizeFactor(index, factor.id, scoredSets(setsByGroup.get(group) ?? [])));
    const totalSummary = groups.length ? summarizeUnion(index, factor.id, scoredSets(sets), groupSummaries) : summarizeFactor(index, factor.id, []);
    // Suppression is decided per factor: a group's n differs between factors, and subtraction must
    // be impossible for each of them.
    const visibility = suppressPartition(
      groups.map((group, i) => ({ group, n: groupSummaries[i].n })),
      minimum,
    );
    // The mean never sets the light of an exposure factor.
    const light = (summary: FactorSummary) => (summary.exposure ? exposureLight(summary.exposure) : trafficLight(factor, summary.score));
    totalFactors.push(present(totalSummary, visibility.total, light));
    groupSummaries.forEach((summary, i) => groupFactors[i].push(present(summary, visibility.groups[i], light)));
  }

  return {
    minimumGroupSize: minimum,
    factors: totalFactors,
    groups: groups.map((group, i) => ({ group, factors: groupFactors[i] })),
  };
}

function present(
  summary: FactorSummary,
  visibility: Visibility,
  light: (summary: FactorSummary) => TrafficLight | null,
): FactorResult {
  if (visibility.withheld) return { suppressed: true, factorId: summary.factorId, reason: visibility.reason };
  return { suppressed: false, ...summary, light: light(summary) };
}
