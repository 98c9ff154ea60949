// The traffic light for a factor score, from the factor's thresholds and direction.
import type { GuideFactor } from './guide';

export type TrafficLight = 'green' | 'yellow' | 'red';

/** Null when there is no score. A score exactly on a threshold is counted to the better side. */
export function trafficLight(
  factor: Pick<GuideFactor, 'direction' | 'thresholds'>,
  score: number | null,
): TrafficLight | null {
  if (score === null) return null;
  const { lower, upper } = factor.thresholds;
  if (factor.direction === 'higherIsBetter') {
    if (score >= upper) return 'green';
    return score < lower ? 'red' : 'yellow';
  }
  if (score <= lower) return 'green';
  return score > upper ? 'red' : 'yellow';
}
