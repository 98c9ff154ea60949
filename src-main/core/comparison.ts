// Compares two results for a factor (group with group, now with a prior assessment): difference and direction.
import type { Guide, GuideFactor } from './guide';
import type { AssessmentResult, FactorResult } from './scoring';
import type { SuppressionReason } from './suppression';

/** Differences smaller than this many points on the 0–100 scale count as unchanged. */
export const defaultComparisonTolerance = 5;

export type Change = 'better' | 'worse' | 'unchanged';

export interface ComparisonOptions {
  /** Points; default 5. A negative value counts as 0. */
  tolerance?: number;
}

export interface ScoreDifference {
  /** b − a at full precision. */
  difference: number;
  change: Change;
}

export interface ShownFactorComparison {
  suppressed: false;
  factorId: string;
  a: number | null;
  b: number | null;
  /** Null when either score is missing. */
  difference: number | null;
  change: Change | null;
}

/** If either side is withheld the comparison is too: a difference and one score give the other. */
export interface WithheldFactorComparison {
  suppressed: true;
  factorId: string;
  reason: SuppressionReason;
}

export type FactorComparison = ShownFactorComparison | WithheldFactorComparison;

/** |b − a| below the tolerance is unchanged; otherwise better or worse as the factor's direction says. */
export function compareScores(
  direction: GuideFactor['direction'],
  a: number,
  b: number,
  options: ComparisonOptions = {},
): ScoreDifference {
  const tolerance = Math.max(0, options.tolerance ?? defaultComparisonTolerance);
  const difference = b - a;
  if (Math.abs(difference) < tolerance || difference === 0) return { difference, change: 'unchanged' };
  const rose = difference > 0;
  return { difference, change: rose === (direction === 'higherIsBetter') ? 'better' : 'worse' };
}

export function compareResults(
  factor: Pick<GuideFactor, 'id' | 'direction'>,
  a: FactorResult,
  b: FactorResult,
  options: ComparisonOptions = {},
): FactorComparison {
  if (a.suppressed) return { suppressed: true, factorId: factor.id, reason: a.reason };
  if (b.suppressed) return { suppressed: true, factorId: factor.id, reason: b.reason };
  if (a.score === null || b.score === null) {
    return { suppressed: false, factorId: factor.id, a: a.score, b: b.score, difference: null, change: null };
  }
  return { suppressed: false, factorId: factor.id, a: a.score, b: b.score, ...compareScores(factor.direction, a.score, b.score, options) };
}

/** Compares two lists of factor results (two groups, or an assessment with a prior one) for each of
 * the guide's factors found in both, matched by factor id, in guide order. */
export function compareFactorResults(
  guide: Pick<Guide, 'factors'>,
  a: readonly FactorResult[],
  b: readonly FactorResult[],
  options: ComparisonOptions = {},
): FactorComparison[] {
  const byId = (results: readonly FactorResult[]) => new Map(results.map((result) => [result.factorId, result]));
  const before = byId(a);
  const after = byId(b);
  return guide.factors.flatMap((factor) => {
    const x = before.get(factor.id);
    const y = after.get(factor.id);
    return x && y ? [compareResults(factor, x, y, options)] : [];
  });
}

/** An assessment's results, with the linked prior assessment's and the comparison with it. */
export interface AssessmentResults {
  assessmentId: string;
  guideId: string;
  guideVersion: string;
  result: AssessmentResult;
  /** Present when the assessment is linked to a prior one scored with the same guide. */
  prior: { assessmentId: string; title: string; result: AssessmentResult; comparison: FactorComparison[] } | null;
}
