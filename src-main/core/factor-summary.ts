// A factor over several response sets: weighted mean score, n, and how the answers spread over the scale.
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
}

export interface FactorSummary {
  factorId: string;
  /** Weighted mean of the contributing sets' factor scores; null when no set contributes. */
  score: number | null;
  /** Respondents behind the score: the sum of the contributing sets' weights. */
  n: number;
  /** Answers of the contributing sets only, so the distribution describes the people behind the score. */
  items: ItemDistribution[];
}

export interface ScoredSet {
  set: ResponseSet;
  factor: FactorScore;
}

/** Weighted mean score and n of the sets that contribute to the factor. */
function scoreOf(scored: readonly ScoredSet[]): { contributing: ScoredSet[]; score: number | null; n: number } {
  const contributing = scored.filter((entry) => contributes(entry.factor));
  const score = weightedMean(contributing.map(({ factor }) => ({ value: factor.score ?? 0, weight: factor.weight })));
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
    return { itemId: item.id, options, notApplicable };
  });

  return { factorId, score, n, items };
}

/** The factor over the union of disjoint groups: the score from all their sets, and the
 * distributions as the sums of the groups' (each set belongs to one group, so the counts add up). */
export function summarizeUnion(factorId: string, scored: readonly ScoredSet[], groups: readonly FactorSummary[]): FactorSummary {
  const { score, n } = scoreOf(scored);
  const first = groups[0]?.items ?? [];
  const items = first.map((item, i): ItemDistribution => ({
    itemId: item.itemId,
    options: item.options.map((option, o) => ({ value: option.value, count: groups.reduce((sum, g) => sum + g.items[i].options[o].count, 0) })),
    notApplicable: groups.reduce((sum, g) => sum + g.items[i].notApplicable, 0),
  }));
  return { factorId, score, n, items };
}

function add(counts: Map<number, number>, value: number, count: number, itemId: string): void {
  const current = counts.get(value);
  // Scoring the set has already refused such a value; this guards against the two drifting apart.
  if (current === undefined) throw new RangeError(`${value} is not a value on the scale of item "${itemId}"`);
  counts.set(value, current + count);
}
