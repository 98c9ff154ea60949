// Scores an assessment: factor results for the whole and for each group, with suppression applied.
import type { RespondentRole } from './assessments';
import { answerExposure, type FactorExposure, type KnowledgeCount } from './exposure';
import { isExposureItem, type Guide, type GuideItem, type GuideScale } from './guide';
import { scaleRange } from './item-score';
import { normalizeGroupLabel } from './group-label';
import { indexGuide, type GuideIndex } from './guide-index';
import { summarizeFactor, summarizeUnion, type FactorSummary, type ItemDistribution, type ScoredSet } from './factor-summary';
import { countsHiddenInSum, isUnanimous, type CountContribution } from './partition-disclosure';
import { answerFor, contributes, scoreFactorInSet, type ResponseSet } from './response-set';
import { minimumGroupSize, publishPartition, type SuppressionReason, type Visibility } from './suppression';
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

export interface PartitionResult {
  /** The whole, one per factor in guide order. */
  factors: FactorResult[];
  /** One per group label, in the order the groups first appear among the response sets. */
  groups: GroupResult[];
}

/** Managers' or safety representatives' answers, scored on their own with the same suppression. */
export interface RoleResult extends PartitionResult {
  role: Exclude<RespondentRole, 'employees'>;
}

export interface AssessmentResult extends PartitionResult {
  /** The minimum group size that was applied, after raising a too small setting. */
  minimumGroupSize: number;
  /** The employees' results are `factors` and `groups`; other roles' sets are here, one entry per
   * role that has any (absent in results frozen before roles were recorded). */
  apart?: RoleResult[];
}

export function scoreAssessment(
  guide: Guide,
  sets: readonly ResponseSet[],
  options: ScoringOptions = {},
): AssessmentResult {
  const minimum = minimumGroupSize(options.minimumGroupSize);
  const roleOf = (set: ResponseSet): RespondentRole => set.role ?? 'employees';
  const apart = (['managers', 'safetyRepresentatives'] as const).flatMap((role): RoleResult[] => {
    const own = sets.filter((set) => roleOf(set) === role);
    return own.length ? [{ role, ...scorePartition(guide, own, minimum) }] : [];
  });
  return {
    minimumGroupSize: minimum,
    ...scorePartition(
      guide,
      sets.filter((set) => roleOf(set) === 'employees'),
      minimum,
    ),
    apart,
  };
}

/** One partition of response sets (the employees', or one other role's): its whole and its groups. */
function scorePartition(guide: Guide, sets: readonly ResponseSet[], minimum: number): PartitionResult {
  const index = indexGuide(guide);
  const setsByGroup = new Map<string, ResponseSet[]>();
  for (const set of sets) {
    // "Åsen" typed two ways, or with a stray space, is one group.
    const label = normalizeGroupLabel(set.group);
    const group = setsByGroup.get(label);
    if (group) group.push(set);
    else setsByGroup.set(label, [set]);
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
    const visibility = publishPartition(
      groups.map((group, i) => ({ group, n: groupSummaries[i].n })),
      minimum,
      (withheld) => sumHidesWithheld(index, factor.id, [...scored.values()], withheld, totalSummary),
    );
    // The mean never sets the light of an exposure factor.
    const light = (summary: FactorSummary) => (summary.exposure ? exposureLight(summary.exposure) : trafficLight(factor, summary.score));
    totalFactors.push(present(totalSummary, visibility.total, light));
    groupSummaries.forEach((summary, i) => groupFactors[i].push(present(summary, visibility.groups[i], light)));
  }

  return {
    factors: totalFactors,
    groups: groups.map((group, i) => ({ group, factors: groupFactors[i] })),
  };
}

/**
 * Rule 7.4 for one factor (docs/scoring.md): whether the total minus the shown groups leaves every
 * withheld group's answers open. Each item's distribution must; on an exposure item, so must the
 * count of exposed people (a trade between two exposed answers would keep the group's exposure
 * known). A factor's exposure count is the people exposed on any item, not a sum of the items'
 * counts: when the withheld groups reported exposure on two or more items, it ties one person's
 * answers together across items and can pin them (rule 7.5), so the total is withheld.
 */
function sumHidesWithheld(
  index: GuideIndex,
  factorId: string,
  scored: readonly ScoredSet[],
  withheld: ReadonlySet<string>,
  total: FactorSummary,
): boolean {
  const items = index.itemsOf(factorId);
  const totalOf = (item: GuideItem) => total.items.find((distribution) => distribution.itemId === item.id);
  // Rule 7.6: an item every counted person answered alike in the total says the same of every group.
  const unanimous = (item: GuideItem) => {
    const distribution = totalOf(item);
    return distribution !== undefined && isUnanimous([...distribution.options.map((option) => option.count), distribution.notApplicable]);
  };
  const unanimousExposure = (item: GuideItem) => {
    const distribution = totalOf(item);
    if (distribution === undefined) return false;
    const lowest = scaleRange(index.scaleOf(item)).min;
    const exposed = distribution.options.reduce((sum, option) => (option.value > lowest ? sum + option.count : sum), 0);
    const notExposed = distribution.options.reduce((sum, option) => (option.value > lowest ? sum : sum + option.count), 0);
    return isUnanimous([exposed, notExposed, distribution.notApplicable]);
  };
  const exposureItems = items.filter(isExposureItem);
  const withheldSets = scored.filter(({ set, factor }) => withheld.has(normalizeGroupLabel(set.group)) && contributes(factor)).map(({ set }) => set);
  const itemsWithExposure = exposureItems.filter((item) => withheldSets.some((set) => answerExposure(index.scaleOf(item), answerFor(set, item.id)).exposed > 0));
  // With the withheld groups' exposure on one item at most, the factor's count is that item's count.
  if (itemsWithExposure.length > 1) return false;
  return (
    items.every((item) => unanimous(item) || countsHiddenInSum(itemContributions(item.id, scored, withheld))) &&
    exposureItems.every(
      (item) => unanimousExposure(item) || countsHiddenInSum(itemContributions(item.id, scored, withheld).map((c) => exposureContribution(index.scaleOf(item), c))),
    )
  );
}

/** The same answers counted as exposed or not: a trade must move someone across that line. */
function exposureContribution(scale: GuideScale, contribution: CountContribution): CountContribution {
  if (contribution.moves === 'fixed') return contribution;
  const lowest = scaleRange(scale).min;
  const counts = new Map<string, number>();
  for (const [value, n] of contribution.counts) {
    const category = Number(value) > lowest ? 'exposed' : 'notExposed';
    counts.set(category, (counts.get(category) ?? 0) + n);
  }
  return { ...contribution, counts };
}

/** What each contributing set of the withheld groups adds to an item's distribution, and what one
 * person's answer weighs in the total's score: the set's weight spread over its answered items and
 * the people counted on this one (a consensus moves as one block). */
function itemContributions(itemId: string, scored: readonly ScoredSet[], withheld: ReadonlySet<string>): CountContribution[] {
  return scored.flatMap(({ set, factor }): CountContribution[] => {
    const group = normalizeGroupLabel(set.group);
    if (!withheld.has(group) || !contributes(factor)) return [];
    const answer = answerFor(set, itemId);
    const itemWeight = factor.items.find((item) => item.itemId === itemId)?.weight ?? 0;
    const personWeight = [factor.weight, factor.answeredItems * itemWeight] as const;
    if (answer?.kind === 'consensus') {
      return [{ group, moves: 'together', counts: new Map([[answer.value, answer.participants]]), personWeight }];
    }
    if (answer?.kind === 'tally') {
      const counts = new Map(Object.entries(answer.votes).map(([value, votes]) => [Number(value), votes]));
      return [{ group, moves: 'apart', counts, personWeight }];
    }
    if (answer?.kind === 'notApplicable') return [{ group, moves: 'fixed', counts: new Map([['notApplicable', set.respondents]]) }];
    return [];
  });
}

function present(
  summary: FactorSummary,
  visibility: Visibility,
  light: (summary: FactorSummary) => TrafficLight | null,
): FactorResult {
  if (visibility.withheld) return { suppressed: true, factorId: summary.factorId, reason: visibility.reason };
  return { suppressed: false, ...summary, light: light(summary) };
}
