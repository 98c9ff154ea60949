// The attacker test of docs/scoring.md rule 7.4: no published figure pins down a withheld group's
// answer to an item, or its factor score. Many more cases: npm run attack.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsHiddenInSum, type CountContribution } from '../../src-main/core/partition-disclosure';
import { scoreAssessment, type AssessmentResult } from '../../src-main/core/scoring';
import { publishPartition } from '../../src-main/core/suppression';
import { resultsTable, withheldMarker } from '../../src-main/transfer/results-export';
import { arbitrarySmallAssessment, attack, resultUnderFormerRules } from './fixtures/anonymity-attacker';
import { buildGuide, consensus, groupInterview, tally } from './fixtures/scoring-guide';

/** The counterexample the attacker found in the rules before 7.4 (fast-check, shrunk): a one-person
 * group and a consensus of two, both withheld as too small, the total of 3 shown. */
function counterexample() {
  const guide = buildGuide([{ id: 'f0', items: ['f0.i0', 'f0.i1'] }], [{ id: 'scale', points: 2 }]);
  const sets = [
    groupInterview('s0', 'A', 1, { 'f0.i0': tally({ 1: 1, 2: 0 }), 'f0.i1': tally({ 1: 1, 2: 0 }) }),
    groupInterview('s1', 'B', 2, { 'f0.i0': consensus(1, 2), 'f0.i1': consensus(2, 2) }),
  ];
  return { guide, sets, minimumGroupSize: 3 };
}

/** Every number the results export writes, by level/group/factor. */
function exportedNumbers(guide: Parameters<typeof resultsTable>[0], result: AssessmentResult) {
  const table = resultsTable(guide, { assessmentId: 'a', guideId: guide.id, guideVersion: guide.version, result, prior: null }, 'en');
  return table.rows.map((row) => ({ group: row[1] as string, factorId: row[2] as string, status: row[7], numbers: row.filter((cell) => typeof cell === 'number') }));
}

/** The results export writes a withheld result as the marker alone, and of a shown one its score and n. */
function expectExportWithinResults(guide: Parameters<typeof resultsTable>[0], result: AssessmentResult) {
  const byKey = new Map([
    ...result.factors.map((r) => [`|${r.factorId}`, r] as const),
    ...result.groups.flatMap((g) => g.factors.map((r) => [`${g.group}|${r.factorId}`, r] as const)),
  ]);
  for (const row of exportedNumbers(guide, result)) {
    const shown = byKey.get(`${row.group}|${row.factorId}`)!;
    if (shown.suppressed) expect({ status: row.status, numbers: row.numbers }).toEqual({ status: withheldMarker, numbers: [] });
    else expect(row.numbers).toEqual([...(shown.score === null ? [] : [Math.round(shown.score * 10) / 10]), shown.n]);
  }
}

describe('the attacker', () => {
  it('reads both groups off the rules as they were', () => {
    const { guide, sets, minimumGroupSize } = counterexample();
    const former = resultUnderFormerRules(guide, sets, minimumGroupSize);
    expect(former.factors[0]).toMatchObject({ suppressed: false, n: 3 });
    const leaks = attack(guide, sets, former);
    expect(leaks).toContainEqual({ factorId: 'f0', group: 'A', what: 'f0.i1', truth: '1|0' });
    expect(leaks).toContainEqual({ factorId: 'f0', group: 'B', what: 'f0.i1', truth: '0|2' });
    expect(leaks).toContainEqual(expect.objectContaining({ group: 'A', what: 'score' }));
  });

  it('finds nothing under rule 7.4 in the counterexample: the total is withheld', () => {
    const { guide, sets, minimumGroupSize } = counterexample();
    const result = scoreAssessment(guide, sets, { minimumGroupSize });
    expect(result.factors[0]).toEqual({ suppressed: true, factorId: 'f0', reason: 'revealsWithheldGroup' });
    expect(attack(guide, sets, result)).toEqual([]);
  });

  it('reads "3 | 4" consensus blocks off the rules as they were, and not any more', () => {
    const guide = buildGuide([{ id: 'f', items: ['f.1', 'f.2'] }]);
    const sets = [
      groupInterview('a', 'Day', 3, { 'f.1': consensus(2, 3), 'f.2': consensus(4, 3) }),
      groupInterview('b', 'Night', 4, { 'f.1': consensus(4, 4), 'f.2': consensus(5, 4) }),
    ];
    expect(attack(guide, sets, resultUnderFormerRules(guide, sets, 5)).map((leak) => leak.group)).toContain('Day');
    expect(attack(guide, sets, scoreAssessment(guide, sets))).toEqual([]);
  });

  it('finds leaks in many assessments under the former rules', () => {
    const cases = fc.sample(arbitrarySmallAssessment(), { numRuns: 100, seed: 14 });
    const leaky = cases.filter(({ guide, sets, minimumGroupSize }) => attack(guide, sets, resultUnderFormerRules(guide, sets, minimumGroupSize)).length > 0);
    expect(leaky.length).toBeGreaterThan(25);
  });

  it('finds no withheld answer or score in any generated assessment, and the export writes no more than the results', () => {
    fc.assert(
      fc.property(arbitrarySmallAssessment(4), ({ guide, sets, minimumGroupSize }) => {
        const result = scoreAssessment(guide, sets, { minimumGroupSize });
        expect(attack(guide, sets, result)).toEqual([]);
        expectExportWithinResults(guide, result);
      }),
      { numRuns: 300 },
    );
  });
});

const votes = (group: string, counts: Record<number, number>, personWeight: [number, number] = [1, 2]): CountContribution => ({
  group,
  moves: 'apart',
  counts: new Map(Object.entries(counts).map(([v, n]) => [Number(v), n])),
  personWeight,
});

/** The counterexample against guide format 2 before rule 7.5 (fast-check, shrunk): B is one person
 * and withheld, A is withheld to protect the total. Each exposure item's distribution leaves B's
 * answer open (B's vote trades with one of A's), but the factor's count, 3 exposed of 13, does not:
 * only B exposed on x.i1 and not on x.i0 makes A's most exposed item (2) and B's (1) add up to 3. */
function exposureCounterexample() {
  const guide = buildGuide(
    [{ id: 'x', direction: 'higherIsWorse', items: [{ id: 'x.i0', scale: 'event', exposure: true }, { id: 'x.i1', scale: 'event', exposure: true }] }],
    [{ id: 'event', points: 3, kind: 'event' }],
  );
  const sets = [
    groupInterview('s0', 'A', 6, { 'x.i0': tally({ 1: 4, 2: 2 }), 'x.i1': tally({ 1: 6 }) }),
    groupInterview('s1', 'B', 1, { 'x.i0': consensus(1, 1), 'x.i1': consensus(2, 1) }),
    groupInterview('s2', 'C', 6, { 'x.i0': tally({ 1: 6 }), 'x.i1': tally({ 1: 6 }) }),
  ];
  return { guide, sets, minimumGroupSize: 3 };
}

describe('the attacker on exposure counts (guide format 2)', () => {
  it('reads the one-person group off the factor\'s exposure count, which rule 7.4 alone let through', () => {
    const { guide, sets, minimumGroupSize } = exposureCounterexample();
    // Rule 7.4 alone: each item's distribution leaves every withheld group open, so the total stayed.
    expect(countsHiddenInSum([votes('A', { 1: 4, 2: 2 }, [1, 2]), votes('B', { 1: 1 }, [1, 2])])).toBe(true);
    expect(countsHiddenInSum([votes('A', { 1: 6 }, [1, 2]), votes('B', { 2: 1 }, [1, 2])])).toBe(true);
    const shown = resultUnderFormerRules(guide, sets, minimumGroupSize);
    expect(shown.factors[0]).toMatchObject({ suppressed: false, n: 13, light: 'red', exposure: { exposed: 3, answered: 13 } });
    expect(shown.groups.map((g) => g.factors[0].suppressed)).toEqual([true, true, false]);
    const leaks = attack(guide, sets, shown);
    expect(leaks).toContainEqual({ factorId: 'x', group: 'B', what: 'x.i0', truth: '1|0|0' });
    expect(leaks).toContainEqual({ factorId: 'x', group: 'B', what: 'x.i1', truth: '0|1|0' });
    expect(leaks).toContainEqual({ factorId: 'x', group: 'A', what: 'exposure', truth: '2' });
  });

  it('finds nothing under rule 7.5: the withheld groups reported exposure on two items, so the total is withheld', () => {
    const { guide, sets, minimumGroupSize } = exposureCounterexample();
    const result = scoreAssessment(guide, sets, { minimumGroupSize });
    expect(result.factors[0]).toEqual({ suppressed: true, factorId: 'x', reason: 'revealsWithheldGroup' });
    expect(result.groups.map((g) => g.factors[0].suppressed)).toEqual([false, true, false]);
    expect(attack(guide, sets, result)).toEqual([]);
  });

  it('finds no withheld answer, score or exposure count in any generated assessment with exposure and knowledge items', () => {
    fc.assert(
      fc.property(arbitrarySmallAssessment(4, { format2: true }), ({ guide, sets, minimumGroupSize }) => {
        const result = scoreAssessment(guide, sets, { minimumGroupSize });
        expect(attack(guide, sets, result)).toEqual([]);
        // The export writes no exposure or knowledge counts, so nothing beyond what the attacker saw.
        expectExportWithinResults(guide, result);
        for (const factor of [...result.factors, ...result.groups.flatMap((g) => g.factors)]) {
          if (factor.suppressed) expect(Object.keys(factor).sort()).toEqual(['factorId', 'reason', 'suppressed']);
          else if (factor.exposure) expect(factor.light).toBe(factor.exposure.exposed > 0 ? 'red' : null);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('countsHiddenInSum', () => {
  const block = (group: string, value: number, people: number): CountContribution => ({ group, moves: 'together', counts: new Map([[value, people]]), personWeight: [1, 2] });

  it.each<[string, CountContribution[], boolean]>([
    ['consensus blocks of different sizes are read off ("3 | 4")', [block('A', 2, 3), block('B', 4, 4)], false],
    ['consensus blocks of the same size on different values can trade', [block('A', 2, 3), block('B', 4, 3)], true],
    ['a consensus can trade with as many votes on another value', [block('A', 2, 3), votes('B', { 4: 3, 5: 1 })], true],
    ['…but not with fewer', [block('A', 2, 3), votes('B', { 4: 2, 5: 2 })], false],
    ['everyone answered alike', [votes('A', { 3: 2 }), votes('B', { 3: 4 })], false],
    ['single votes on different values trade', [votes('A', { 1: 1 }), votes('B', { 3: 4 })], true],
    ['votes that weigh differently in the score cannot trade', [votes('A', { 1: 1 }), votes('B', { 3: 4 }, [1, 3])], false],
    ['every group must be open: C agrees with everyone', [votes('A', { 1: 1 }), votes('B', { 3: 4 }), votes('C', { 1: 0, 3: 2 })], true],
    ['not applicable cannot trade', [{ group: 'A', moves: 'fixed', counts: new Map([['notApplicable', 3]]) }, votes('B', { 3: 4 })], false],
    ['a group without counts has nothing to hide', [votes('A', { 1: 1 }), votes('B', { 2: 3 }), votes('C', { 1: 0 })], true],
    ['counts without a score trade on sizes alone', [{ group: 'A', moves: 'apart', counts: new Map([['exposed', 1]]) }, { group: 'B', moves: 'apart', counts: new Map([['notExposed', 5]]) }], true],
  ])('%s', (_name, contributions, expected) => {
    expect(countsHiddenInSum(contributions)).toBe(expected);
  });
});

describe('publishPartition', () => {
  const groups = [
    { group: 'A', n: 3 },
    { group: 'B', n: 6 },
    { group: 'C', n: 10 },
  ];
  it('keeps the total and the complementary group when the sum leaves every withheld group open', () => {
    const v = publishPartition(groups, 5, () => true);
    expect(v.total.withheld).toBe(false);
    expect(v.groups.map((g) => g.withheld)).toEqual([true, true, false]);
  });
  it('otherwise withholds the total and shows the groups withheld only to protect it', () => {
    const asked: string[][] = [];
    const v = publishPartition(groups, 5, (withheld) => (asked.push([...withheld]), false));
    expect(asked).toEqual([['A', 'B']]);
    expect(v).toEqual({
      total: { withheld: true, reason: 'revealsWithheldGroup' },
      groups: [{ withheld: true, reason: 'belowMinimumGroupSize' }, { withheld: false }, { withheld: false }],
    });
  });
  it('asks nothing when no group is withheld', () => {
    expect(publishPartition([{ group: 'A', n: 5 }, { group: 'B', n: 7 }], 5, () => false).total.withheld).toBe(false);
  });
});
