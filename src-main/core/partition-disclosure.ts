// Whether counts summed over withheld groups can be published without pinning down any one group's answers.
//
// A published total minus the shown groups gives the withheld groups' counts added together. That sum
// is safe only if each withheld group's own part of it could have been different: docs/scoring.md,
// rule 7.4. The proof used here is a swap: two withheld groups trade answers so that every published
// figure (each category's count, and the weighted score the counts feed) stays exactly the same
// while the group's own answers change. Distributions, and any other partitioned counts (exposure
// counts, for instance), go through `countsHiddenInSum`.

/** How a contributor's counts can move between categories without changing its structure. */
export type CountMoves =
  /** One voice for all its people (a consensus): the whole block moves, or nothing. */
  | 'together'
  /** Each count is one person's own answer (votes, survey respondents): one person can move. */
  | 'apart'
  /** Counts that cannot move to an answer category without changing other figures ("not applicable"). */
  | 'fixed';

/** One response set's counts on one item (or other counted question). */
export interface CountContribution {
  group: string;
  moves: CountMoves;
  /** People per category; categories with 0 may be left out. */
  counts: ReadonlyMap<number | string, number>;
  /** What one person's answer weighs in a published score built from these counts, as
   * [numerator, denominator]; omit when no score is published from them. Two people can trade
   * answers without changing the score only if their weights are equal. */
  personWeight?: readonly [number, number];
}

const sameWeight = (a?: readonly [number, number], b?: readonly [number, number]): boolean =>
  a === undefined || b === undefined ? a === b : a[0] * b[1] === b[0] * a[1];

const total = (counts: ReadonlyMap<number | string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);

/** People that move when x gives up one answer in category u for y's v: undefined when no trade fits. */
function tradeSize(x: CountContribution, u: number | string, y: CountContribution, v: number | string): number | undefined {
  const xu = x.counts.get(u) ?? 0;
  const yv = y.counts.get(v) ?? 0;
  if (xu <= 0 || yv <= 0) return undefined;
  const xBlock = x.moves === 'together' ? total(x.counts) : 1;
  const yBlock = y.moves === 'together' ? total(y.counts) : 1;
  const size = Math.max(xBlock, yBlock);
  if (x.moves === 'together' && y.moves === 'together' && xBlock !== yBlock) return undefined;
  if (xu < size || yv < size) return undefined;
  return size;
}

/** Whether x can trade some of its answers with a contributor of another group without changing
 * any published count or score. */
function canTrade(x: CountContribution, others: readonly CountContribution[]): boolean {
  if (x.moves === 'fixed') return false;
  return others.some(
    (y) =>
      y.group !== x.group &&
      y.moves !== 'fixed' &&
      sameWeight(x.personWeight, y.personWeight) &&
      [...x.counts.keys()].some((u) => [...y.counts.keys()].some((v) => u !== v && tradeSize(x, u, y, v) !== undefined)),
  );
}

/**
 * True when the withheld groups' counts may be published added together: every withheld group that
 * has counts here has another possible set of answers that gives exactly the same sum (and score).
 * `withheld` holds the contributions of the withheld groups only.
 */
export function countsHiddenInSum(withheld: readonly CountContribution[]): boolean {
  const groups = new Set(withheld.filter((c) => total(c.counts) > 0).map((c) => c.group));
  for (const group of groups) {
    const own = withheld.filter((c) => c.group === group && total(c.counts) > 0);
    if (!own.some((c) => canTrade(c, withheld))) return false;
  }
  return true;
}

/**
 * True when at most one category has anyone in it. A published total whose people all gave one
 * answer tells each group's answer by itself, as any result of at least the minimum group size may
 * (rule 7.6): subtracting the shown groups then reveals nothing the total did not already say.
 */
export function isUnanimous(counts: Iterable<number>): boolean {
  let used = 0;
  for (const n of counts) if (n > 0) used++;
  return used <= 1;
}
