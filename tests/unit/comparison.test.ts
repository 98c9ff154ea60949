import { describe, expect, it } from 'vitest';
import {
  compareFactorResults,
  compareResults,
  compareScores,
  defaultComparisonTolerance,
} from '../../src-main/core/comparison';
import type { FactorResult } from '../../src-main/core/scoring';
import { buildGuide } from './fixtures/scoring-guide';

const shown = (factorId: string, score: number | null, n = 10): FactorResult => ({
  suppressed: false,
  factorId,
  score,
  n,
  light: null,
  items: [],
});
const withheld = (factorId: string): FactorResult => ({ suppressed: true, factorId, reason: 'belowMinimumGroupSize' });

describe('compareScores', () => {
  it('has a default tolerance of 5 points', () => {
    expect(defaultComparisonTolerance).toBe(5);
  });

  it.each([
    ['higherIsBetter', 50, 57.5, undefined, 7.5, 'better'],
    ['higherIsBetter', 50, 55, undefined, 5, 'better'],
    ['higherIsBetter', 50, 54.999, undefined, 4.999, 'unchanged'],
    ['higherIsBetter', 50, 45.001, undefined, -4.999, 'unchanged'],
    ['higherIsBetter', 50, 45, undefined, -5, 'worse'],
    ['higherIsWorse', 50, 60, undefined, 10, 'worse'],
    ['higherIsWorse', 50, 40, undefined, -10, 'better'],
    ['higherIsWorse', 50, 52, undefined, 2, 'unchanged'],
    ['higherIsBetter', 50, 52, 1, 2, 'better'],
    ['higherIsBetter', 50, 50, 0, 0, 'unchanged'],
    ['higherIsBetter', 50, 50.5, -3, 0.5, 'better'],
    ['higherIsWorse', 30, 45, 20, 15, 'unchanged'],
  ] as const)('%s: %d → %d (tolerance %s) is %d, %s', (direction, a, b, tolerance, difference, change) => {
    const result = compareScores(direction, a, b, { tolerance });
    expect(result.difference).toBeCloseTo(difference, 12);
    expect(result.change).toBe(change);
  });
});

describe('compareResults', () => {
  const factor = { id: 'support', direction: 'higherIsBetter' } as const;

  it('compares two shown scores as b − a', () => {
    expect(compareResults(factor, shown('support', 50), shown('support', 57.5))).toEqual({
      suppressed: false,
      factorId: 'support',
      a: 50,
      b: 57.5,
      difference: 7.5,
      change: 'better',
    });
  });

  it('has no difference when a score is missing', () => {
    expect(compareResults(factor, shown('support', null, 0), shown('support', 60))).toEqual({
      suppressed: false,
      factorId: 'support',
      a: null,
      b: 60,
      difference: null,
      change: null,
    });
  });

  it.each([
    ['first', withheld('support'), shown('support', 60)],
    ['second', shown('support', 60), withheld('support')],
    ['both', withheld('support'), withheld('support')],
  ])('is withheld when the %s side is withheld, with no numbers', (_side, a, b) => {
    expect(compareResults(factor, a, b)).toEqual({ suppressed: true, factorId: 'support', reason: 'belowMinimumGroupSize' });
  });
});

describe('compareFactorResults', () => {
  it('pairs results by factor id, in guide order, skipping factors one side lacks', () => {
    const guide = buildGuide([
      { id: 'support', items: ['s.1'] },
      { id: 'demands', direction: 'higherIsWorse', items: ['d.1'] },
      { id: 'new-factor', items: ['n.1'] },
    ]);
    const prior = [shown('demands', 70), shown('support', 50)];
    const now = [shown('support', 52), shown('demands', 50), shown('new-factor', 80)];
    expect(compareFactorResults(guide, prior, now).map((c) => (c.suppressed ? c : [c.factorId, c.difference, c.change]))).toEqual([
      ['support', 2, 'unchanged'],
      ['demands', -20, 'better'],
    ]);
  });
});
