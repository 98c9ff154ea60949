// Which results to withhold so that no group below the minimum group size can be seen, or derived by subtraction.

export const defaultMinimumGroupSize = 5;
/** No setting can go below this: with 2 people, each knows the other's answer. */
export const lowestMinimumGroupSize = 3;

/** The minimum group size to use: the requested one, but never below 3 (a smaller value is raised
 * to 3) and the default 5 when none, or no usable number, is given. */
export function minimumGroupSize(requested?: number): number {
  if (requested === undefined || Number.isNaN(requested)) return defaultMinimumGroupSize;
  // Counts are whole people, so "at least 4.2" means "at least 5".
  return Math.max(lowestMinimumGroupSize, Math.ceil(requested));
}

export type SuppressionReason =
  /** Fewer respondents than the minimum group size. */
  | 'belowMinimumGroupSize'
  /** Shown with the total and the other groups, it would reveal a withheld group by subtraction. */
  | 'revealsWithheldGroup';

export type Visibility = { withheld: false } | { withheld: true; reason: SuppressionReason };

export interface GroupCount {
  group: string;
  /** Respondents behind the group's result; 0 when the group has no result to show or hide. */
  n: number;
}

export interface PartitionVisibility {
  total: Visibility;
  /** In the order of the groups given. */
  groups: Visibility[];
}

const shown: Visibility = { withheld: false };
const withheld = (reason: SuppressionReason): Visibility => ({ withheld: true, reason });

/**
 * Decides, for one factor, which of a total and the groups that partition it may be shown.
 *
 * A result with 0 < n < minimum is withheld. A result with n = 0 holds nobody's answers, so there is
 * nothing to withhold. When the total is shown, total minus the shown groups gives the withheld
 * groups added together; so while that sum would be one group, or fewer people than the minimum,
 * the smallest shown group with answers is withheld as well.
 */
export function suppressPartition(groups: readonly GroupCount[], requestedMinimum?: number): PartitionVisibility {
  const minimum = minimumGroupSize(requestedMinimum);
  const tooSmall = (n: number) => n > 0 && n < minimum;
  const totalN = groups.reduce((sum, group) => sum + group.n, 0);

  let total = tooSmall(totalN) ? withheld('belowMinimumGroupSize') : shown;
  const visibility = groups.map((group) => (tooSmall(group.n) ? withheld('belowMinimumGroupSize') : shown));
  if (total.withheld) return { total, groups: visibility };

  const revealed = () => {
    const hidden = groups.filter((_, i) => visibility[i].withheld);
    return hidden.length === 1 || tooSmall(hidden.reduce((sum, group) => sum + group.n, 0));
  };
  while (revealed()) {
    const next = nextSmallestShown(groups, visibility);
    if (next === undefined) {
      // Cannot happen (all groups together are the total, which is not too small), but if it ever
      // did, hiding the total is the safe way out.
      total = withheld('revealsWithheldGroup');
      break;
    }
    visibility[next] = withheld('revealsWithheldGroup');
  }
  return { total, groups: visibility };
}

/** The shown group with answers and the fewest respondents; ties go to the label that sorts first
 * (by code unit, so the choice does not depend on the order of the interviews or on a locale). */
function nextSmallestShown(groups: readonly GroupCount[], visibility: readonly Visibility[]): number | undefined {
  let best: number | undefined;
  groups.forEach((group, i) => {
    if (visibility[i].withheld || group.n <= 0) return;
    if (best === undefined) {
      best = i;
      return;
    }
    const other = groups[best];
    if (group.n < other.n || (group.n === other.n && group.group < other.group)) best = i;
  });
  return best;
}

/**
 * suppressPartition, then the test of rule 7.4: while the total is shown, total minus the shown
 * groups is the withheld groups' answers added together, and `sumHidden` says whether that sum
 * leaves every withheld group's own answers open (see partition-disclosure.ts). When it does not,
 * the total is withheld instead, and the groups withheld only to protect the total's remainder are
 * shown again: without the total there is nothing to subtract them from.
 */
export function publishPartition(
  groups: readonly GroupCount[],
  requestedMinimum: number | undefined,
  sumHidden: (withheldGroups: ReadonlySet<string>) => boolean,
): PartitionVisibility {
  const visibility = suppressPartition(groups, requestedMinimum);
  if (visibility.total.withheld) return visibility;
  const withheldGroups = new Set(groups.filter((group, i) => visibility.groups[i].withheld && group.n > 0).map((group) => group.group));
  if (withheldGroups.size === 0 || sumHidden(withheldGroups)) return visibility;
  return {
    total: withheld('revealsWithheldGroup'),
    groups: visibility.groups.map((v) => (v.withheld && v.reason === 'revealsWithheldGroup' ? shown : v)),
  };
}
