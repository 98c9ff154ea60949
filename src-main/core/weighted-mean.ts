// The one weighted mean scoring uses, for votes within an item and for response sets within a group.

export interface Weighted {
  value: number;
  weight: number;
}

/** Mean of the values, each counted `weight` times; entries with no weight are left out. Null when
 * nothing has weight. */
export function weightedMean(entries: readonly Weighted[]): number | null {
  let sum = 0;
  let totalWeight = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const { value, weight } of entries) {
    if (!(weight > 0)) continue;
    sum += value * weight;
    totalWeight += weight;
    lowest = Math.min(lowest, value);
    highest = Math.max(highest, value);
  }
  if (totalWeight === 0) return null;
  // Floating-point rounding can land a hair outside the values (100.00000000000001); a score above
  // 100 or a mean past a threshold that no value crosses would be wrong, so keep it inside.
  return Math.min(highest, Math.max(lowest, sum / totalWeight));
}
