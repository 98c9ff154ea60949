// The traffic light for a factor score, from the factor's thresholds and direction.
import type { ExposureCount } from './exposure';
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

/** The light of a factor with exposure items: red when anyone reported exposure, whatever the
 * mean; otherwise none, since "nobody reported it" is a count to show, not a green light. */
export function exposureLight(exposure: ExposureCount): TrafficLight | null {
  return exposure.exposed > 0 ? 'red' : null;
}
