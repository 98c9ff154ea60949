// A factor over several response sets: weighted mean score, n, and how the answers spread over the scale.
import { totalVotes } from './answers';
import { itemExposure, knowledgeCount, setExposure, type FactorExposure, type KnowledgeCount } from './exposure';
import { isExposureItem, isKnowledgeScale } from './guide';
import type { GuideIndex } from './guide-index';
import { answerFor, contributes, type FactorScore, type ResponseSet } from './response-set';
import { weightedMean } from './weighted-mean';

export interface OptionCount {
  /** A value on the item's scale. */
  value: number;
  /** Respondents who gave it: a vote counts 1, a consensus counts its participants. */
  count: number;
}

export interface ItemDistribution {
  itemId: string;
  /** Every value of the item's scale, lowest first, including those nobody chose. */
  options: OptionCount[];
  /** Respondents in the sets that answered "not applicable". */
  notApplicable: number;
  /** Only when the item's tallies hold fewer votes than people present (an honest "4 av 6"): the
   * votes cast and the people present, summed over the sets behind the score that answered it by
   * tally. Absent when every tally is complete, so results without short tallies stay as they were. */
  shortTally?: TallyCount;
}

export interface TallyCount {
  votes: number;
  present: number;
}

export interface FactorSummary {
  factorId: string;
  /** Weighted mean of the contributing sets' factor scores; null when no set contributes. */
  score: number | null;
  /** Respondents behind the score: the sum of the contributing sets' weights. */
  n: number;
  /** Answers of the contributing sets only, so the distribution describes the people behind the score. */
  items: ItemDistribution[];
  /** Only for a factor with exposure items (guide format 2): who reported any exposure. Part of the
   * summary so that it is shown or withheld together with the score. */
  exposure?: FactorExposure;
  /** Only for a factor with knowledge items (guide format 2): how many answered "Ja". */
  knowledge?: KnowledgeCount[];
}

export interface ScoredSet {
  set: ResponseSet;
  factor: FactorScore;
}

/** Weighted mean score and n of the sets that contribute to the factor. */
function scoreOf(scored: readonly ScoredSet[]): { contributing: ScoredSet[]; score: number | null; n: number } {
  const contributing = scored.filter((entry) => contributes(entry.factor));
  // A factor of knowledge items only has people behind it but no score: its sets weigh nothing here.
  const score = weightedMean(contributing.map(({ factor }) => ({ value: factor.score ?? 0, weight: factor.score === null ? 0 : factor.weight })));
  const n = contributing.reduce((sum, { factor }) => sum + factor.weight, 0);
  return { contributing, score, n };
}

/** Unsuppressed. Only scoreAssessment calls this, and it withholds what must not be shown. */
export function summarizeFactor(index: GuideIndex, factorId: string, scored: readonly ScoredSet[]): FactorSummary {
  const { contributing, score, n } = scoreOf(scored);

  const items = index.itemsOf(factorId).map((item): ItemDistribution => {
    const counts = new Map(index.scaleOf(item).points.map((point) => [point.value, 0]));
    let notApplicable = 0;
    for (const { set } of contributing) {
      const answer = answerFor(set, item.id);
      if (answer?.kind === 'consensus') {
        add(counts, answer.value, answer.participants, item.id);
      } else if (answer?.kind === 'tally') {
        for (const [value, votes] of Object.entries(answer.votes)) {
          if (votes > 0) add(counts, Number(value), votes, item.id);
        }
      } else if (answer?.kind === 'notApplicable') {
        notApplicable += set.respondents;
      }
    }
    const options = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
    return withShortTally({ itemId: item.id, options, notApplicable }, contributing);
  });

  const exposureSets = index.itemsOf(factorId).some(isExposureItem) ? contributing.map(({ set }) => setExposure(index, factorId, set)) : undefined;
  return withCounts(index, { factorId, score, n, items }, exposureSets);
}

/** Adds the exposure and knowledge counts a format 2 factor has; a format 1 factor stays as it was. */
function withCounts(index: GuideIndex, summary: FactorSummary, exposureSets: { exposed: number; answered: number }[] | undefined): FactorSummary {
  const factorItems = index.itemsOf(summary.factorId);
  const distribution = (itemId: string) => summary.items.find((entry) => entry.itemId === itemId)!;
  const knowledgeItems = factorItems.filter((item) => isKnowledgeScale(index.scaleOf(item)));
  return {
    ...summary,
    ...(exposureSets && {
      exposure: {
        exposed: exposureSets.reduce((sum, count) => sum + count.exposed, 0),
        answered: exposureSets.reduce((sum, count) => sum + count.answered, 0),
        items: factorItems.filter(isExposureItem).map((item) => itemExposure(index.scaleOf(item), distribution(item.id))),
      },
    }),
    ...(knowledgeItems.length > 0 && { knowledge: knowledgeItems.map((item) => knowledgeCount(distribution(item.id))) }),
  };
}

/** The factor over the union of disjoint groups: the score from all their sets, and the
 * distributions as the sums of the groups' (each set belongs to one group, so the counts add up). */
export function summarizeUnion(index: GuideIndex, factorId: string, scored: readonly ScoredSet[], groups: readonly FactorSummary[]): FactorSummary {
  const { contributing, score, n } = scoreOf(scored);
  const first = groups[0]?.items ?? [];
  const items = first.map(
    (item, i): ItemDistribution =>
      withShortTally(
        {
          itemId: item.itemId,
          options: item.options.map((option, o) => ({ value: option.value, count: groups.reduce((sum, g) => sum + g.items[i].options[o].count, 0) })),
          notApplicable: groups.reduce((sum, g) => sum + g.items[i].notApplicable, 0),
        },
        contributing,
      ),
  );
  const exposureSets = groups.flatMap((group) => (group.exposure ? [group.exposure] : []));
  return withCounts(index, { factorId, score, n, items }, groups.some((group) => group.exposure) ? exposureSets : undefined);
}

/** Adds `shortTally` when the contributing sets' tallies on the item hold fewer votes than people
 * present. Counted from the sets themselves, so a total adds up every group's tallies, complete ones
 * included ("9 av 11", not only the short group's "4 av 6"). */
function withShortTally(distribution: ItemDistribution, contributing: readonly ScoredSet[]): ItemDistribution {
  let votes = 0;
  let present = 0;
  for (const { set } of contributing) {
    const answer = answerFor(set, distribution.itemId);
    if (answer?.kind !== 'tally') continue;
    votes += totalVotes(answer.votes);
    present += set.respondents;
  }
  return votes < present ? { ...distribution, shortTally: { votes, present } } : distribution;
}

function add(counts: Map<number, number>, value: number, count: number, itemId: string): void {
  const current = counts.get(value);
  // Scoring the set has already refused such a value; this guards against the two drifting apart.
  if (current === undefined) throw new RangeError(`${value} is not a value on the scale of item "${itemId}"`);
  counts.set(value, current + count);
}
