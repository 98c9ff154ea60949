import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreResponseSet } from '../../src-main/core/response-set';
import { scoreAssessment, type FactorResult } from '../../src-main/core/scoring';
import {
  defaultMinimumGroupSize,
  lowestMinimumGroupSize,
  minimumGroupSize,
  suppressPartition,
  type GroupCount,
} from '../../src-main/core/suppression';
import { arbitraryAssessment } from './fixtures/scoring-arbitraries';
import { buildGuide, consensus, groupInterview, tally } from './fixtures/scoring-guide';

describe('minimumGroupSize', () => {
  it.each([
    [undefined, 5],
    [Number.NaN, 5],
    [-5, 3],
    [0, 3],
    [1, 3],
    [2, 3],
    [3, 3],
    [4, 4],
    [4.2, 5],
    [5, 5],
    [10, 10],
    [Number.NEGATIVE_INFINITY, 3],
  ])('%s → %i', (requested, expected) => {
    expect(minimumGroupSize(requested)).toBe(expected);
  });

  it('is 5 by default and never below 3', () => {
    expect(defaultMinimumGroupSize).toBe(5);
    expect(lowestMinimumGroupSize).toBe(3);
    fc.assert(
      fc.property(fc.option(fc.double(), { nil: undefined }), (requested) => {
        expect(minimumGroupSize(requested)).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it('cannot be turned off through scoreAssessment', () => {
    const guide = buildGuide([{ id: 'f', items: ['f.1'] }]);
    const pair = groupInterview('g', 'Pair', 2, { 'f.1': consensus(3, 2) });
    for (const requested of [0, 1, 2, -1, Number.NaN]) {
      const result = scoreAssessment(guide, [pair], { minimumGroupSize: requested });
      expect(result.minimumGroupSize).toBeGreaterThanOrEqual(3);
      expect(result.factors[0]).toEqual({ suppressed: true, factorId: 'f', reason: 'belowMinimumGroupSize' });
    }
  });
});

describe('suppressPartition', () => {
  const groups = (spec: string): GroupCount[] =>
    spec === '' ? [] : spec.split(' ').map((part) => ({ group: part.split(':')[0], n: Number(part.split(':')[1]) }));
  /** "shown", "small" (below the minimum) or "reveals" (withheld so the small one cannot be derived). */
  const describeVisibility = (v: { withheld: boolean; reason?: string }) =>
    !v.withheld ? 'shown' : v.reason === 'belowMinimumGroupSize' ? 'small' : 'reveals';

  it.each<[string, string, number | undefined, string, string]>([
    ['nothing', '', undefined, 'shown', ''],
    ['one large group', 'A:10', undefined, 'shown', 'shown'],
    ['one small group is the total', 'A:3', undefined, 'small', 'small'],
    ['two groups where one is small: the other would give it away', 'A:3 B:10', undefined, 'shown', 'small reveals'],
    ['two small groups, total large enough', 'A:3 B:4', undefined, 'shown', 'small small'],
    ['the next smallest group is withheld', 'A:3 B:6 C:10', undefined, 'shown', 'small reveals shown'],
    ['a group without answers hides nothing, so the next with answers goes', 'A:3 B:0 C:8', undefined, 'shown', 'small shown reveals'],
    ['two withheld groups already protect each other', 'A:3 B:4 C:10', undefined, 'shown', 'small small shown'],
    ['withheld groups that add up to fewer than the minimum need one more', 'A:1 B:2 C:10', undefined, 'shown', 'small small reveals'],
    ['…the smallest one', 'A:1 B:2 C:6 D:10', undefined, 'shown', 'small small reveals shown'],
    ['three tiny groups adding up to the minimum', 'A:1 B:2 C:2 D:10', undefined, 'shown', 'small small small shown'],
    ['total below the minimum', 'A:2 B:2', undefined, 'small', 'small small'],
    ['equal sizes: the label that sorts first', 'A:3 C:7 B:7', undefined, 'shown', 'small shown reveals'],
    ['exactly the minimum is shown', 'A:5 B:5', undefined, 'shown', 'shown shown'],
    ['no answers anywhere', 'A:0 B:0', undefined, 'shown', 'shown shown'],
    ['a minimum of 1 is raised to 3', 'A:2 B:10', 1, 'shown', 'small reveals'],
    ['a minimum of 3', 'A:3 B:2 C:4', 3, 'shown', 'reveals small shown'],
    ['a larger minimum', 'A:8 B:12 C:20', 10, 'shown', 'small reveals shown'],
  ])('%s (%s, minimum %s)', (_name, spec, minimum, total, expected) => {
    const result = suppressPartition(groups(spec), minimum);
    expect(describeVisibility(result.total)).toBe(total);
    expect(result.groups.map(describeVisibility).join(' ')).toBe(expected);
  });

  it('withholds every small group, never a group without answers, and never exactly one group of a shown total', () => {
    const group = fc.record({ group: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), n: fc.nat({ max: 20 }) });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 8 }), fc.integer({ min: -2, max: 12 }), (parts, requested) => {
        const minimum = minimumGroupSize(requested);
        const { total, groups: visibility } = suppressPartition(parts, requested);
        const totalN = parts.reduce((sum, p) => sum + p.n, 0);
        expect(total.withheld).toBe(totalN > 0 && totalN < minimum);
        parts.forEach((part, i) => {
          if (part.n > 0 && part.n < minimum) expect(visibility[i]).toEqual({ withheld: true, reason: 'belowMinimumGroupSize' });
          if (part.n === 0) expect(visibility[i].withheld).toBe(false);
        });
        if (!total.withheld) {
          // Total minus the shown groups is the withheld ones added up: never one group, never too few people.
          const hiddenParts = parts.filter((_, i) => visibility[i].withheld);
          expect(hiddenParts).not.toHaveLength(1);
          const hiddenN = hiddenParts.reduce((sum, p) => sum + p.n, 0);
          expect(hiddenN === 0 || hiddenN >= minimum).toBe(true);
        }
        // Complementary suppression hides one group at most: no more than it must.
        expect(visibility.filter((v) => v.withheld && v.reason === 'revealsWithheldGroup').length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

/** What a reader of the results can work out for one factor: with the total and all groups but one
 * shown, the last one is total·n minus the others' score·n, divided by the n left over. */
function deriveByInference(total: FactorResult, groups: readonly FactorResult[]): { index: number; score: number } | null {
  if (total.suppressed || total.score === null) return null;
  const hidden = groups.flatMap((g, index) => (g.suppressed ? [index] : []));
  if (hidden.length !== 1) return null;
  let sum = total.score * total.n;
  let n = total.n;
  for (const g of groups) {
    if (g.suppressed || g.score === null) continue;
    sum -= g.score * g.n;
    n -= g.n;
  }
  return n > 0 ? { index: hidden[0], score: sum / n } : null;
}

describe('suppression in scoreAssessment', () => {
  const guide = buildGuide([
    { id: 'support', items: ['support.1', 'support.2'] },
    { id: 'demands', direction: 'higherIsWorse', thresholds: { lower: 40, upper: 60 }, items: ['demands.1'] },
  ]);

  it('withholds a small group and, as consensus blocks of 3 and 8 would give both away, the total; shows the other group', () => {
    const result = scoreAssessment(guide, [
      groupInterview('a', 'Evening', 3, { 'support.1': consensus(2, 3), 'support.2': consensus(2, 3), 'demands.1': consensus(5, 3) }),
      groupInterview('b', 'Day', 8, { 'support.1': consensus(4, 8), 'support.2': consensus(4, 8), 'demands.1': consensus(3, 8) }),
    ]);
    expect(result.factors[0]).toEqual({ suppressed: true, factorId: 'support', reason: 'revealsWithheldGroup' });
    expect(result.groups[0]).toEqual({
      group: 'Evening',
      factors: [
        { suppressed: true, factorId: 'support', reason: 'belowMinimumGroupSize' },
        { suppressed: true, factorId: 'demands', reason: 'belowMinimumGroupSize' },
      ],
    });
    expect(result.groups[1].factors.map((f) => f.suppressed)).toEqual([false, false]);
    expect(result.groups[1].factors[0]).toMatchObject({ n: 8, score: 75 });
  });

  it('decides per factor when a group answered one factor with fewer people than another', () => {
    // Evening: 6 present, but only 3 voted on support; all 6 agreed on demands.
    const result = scoreAssessment(guide, [
      groupInterview('a', 'Evening', 6, { 'support.1': tally({ 2: 3 }), 'support.2': tally({ 3: 3 }), 'demands.1': consensus(5, 6) }),
      groupInterview('b', 'Day', 8, { 'support.1': consensus(4, 8), 'support.2': consensus(4, 8), 'demands.1': consensus(3, 8) }),
      groupInterview('c', 'Night', 5, { 'demands.1': consensus(4, 5) }),
    ]);
    const [evening, day, night] = result.groups.map((g) => g.factors);
    expect(evening[0]).toEqual({ suppressed: true, factorId: 'support', reason: 'belowMinimumGroupSize' });
    // Evening's 3 votes and Day's consensus block of 8 would show in the total: the total goes, Day stays.
    expect(day[0]).toMatchObject({ suppressed: false, n: 8 });
    // Night answered no support item: nothing to hide, and it cannot stand in for Day.
    expect(night[0]).toMatchObject({ suppressed: false, score: null, n: 0 });
    expect(result.factors[0]).toEqual({ suppressed: true, factorId: 'support', reason: 'revealsWithheldGroup' });
    expect(evening[1]).toMatchObject({ suppressed: false, n: 6, score: 100 });
    expect(day[1]).toMatchObject({ suppressed: false, n: 8, score: 50 });
    expect(night[1]).toMatchObject({ suppressed: false, n: 5, score: 75 });
  });

  it('withholds a total below the minimum with all its groups', () => {
    const result = scoreAssessment(guide, [
      groupInterview('a', 'A', 2, { 'demands.1': consensus(5, 2) }),
      groupInterview('b', 'B', 2, { 'demands.1': consensus(1, 2) }),
    ]);
    expect(result.factors[1]).toEqual({ suppressed: true, factorId: 'demands', reason: 'belowMinimumGroupSize' });
    expect(result.groups.map((g) => g.factors[1].suppressed)).toEqual([true, true]);
  });

  it('the inference the suppression guards against does work on unguarded numbers', () => {
    const shown = (score: number, n: number): FactorResult => ({ suppressed: false, factorId: 'f', score, n, light: null, items: [] });
    const withheld: FactorResult = { suppressed: true, factorId: 'f', reason: 'belowMinimumGroupSize' };
    expect(deriveByInference(shown(57.5, 9), [shown(67.5, 6), withheld])).toEqual({ index: 1, score: 37.5 });
    expect(deriveByInference(shown(57.5, 9), [withheld, withheld])).toBeNull();
  });

  it('never returns numbers from which a withheld group can be derived, for any factor', () => {
    fc.assert(
      fc.property(arbitraryAssessment, fc.integer({ min: 0, max: 8 }), ({ guide: g, sets }, requested) => {
        const result = scoreAssessment(g, sets, { minimumGroupSize: requested });
        const minimum = result.minimumGroupSize;
        expect(minimum).toBeGreaterThanOrEqual(3);
        // The n each group really has, from the unsuppressed scores of its sets.
        const trueN = (group: string, f: number) =>
          sets
            .filter((set) => set.group === group)
            .reduce((sum, set) => {
              const factor = scoreResponseSet(g, set).factors[f];
              return sum + (factor.score === null ? 0 : factor.weight);
            }, 0);

        g.factors.forEach((factor, f) => {
          const total = result.factors[f];
          const groups = result.groups.map((group) => group.factors[f]);
          expect(deriveByInference(total, groups)).toBeNull();

          const all = [total, ...groups];
          for (const r of all) {
            if (r.suppressed) expect(Object.keys(r).sort()).toEqual(['factorId', 'reason', 'suppressed']);
            else expect(r.n === 0 || r.n >= minimum).toBe(true);
            if (!r.suppressed && r.n === 0) {
              // A shown result without respondents must show no answers either.
              expect(r.score).toBeNull();
              for (const item of r.items) {
                expect(item.notApplicable).toBe(0);
                expect(item.options.every((o) => o.count === 0)).toBe(true);
              }
            }
          }
          result.groups.forEach((group, i) => {
            const n = trueN(group.group, f);
            if (n > 0 && n < minimum) expect(groups[i]).toMatchObject({ suppressed: true, reason: 'belowMinimumGroupSize' });
            // Every withheld group hides answers, so two withheld groups are two unknowns.
            if (groups[i].suppressed) expect(n).toBeGreaterThan(0);
          });
          const totalN = result.groups.reduce((sum, group) => sum + trueN(group.group, f), 0);
          if (totalN > 0 && totalN < minimum) expect(total.suppressed).toBe(true);
          if (!total.suppressed) {
            // What subtraction does give, the withheld groups added up, is never fewer people than the minimum.
            const hiddenN = result.groups.reduce((sum, group, i) => sum + (groups[i].suppressed ? trueN(group.group, f) : 0), 0);
            expect(hiddenN === 0 || hiddenN >= minimum).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
