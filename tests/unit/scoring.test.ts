import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src-main/core/answers';
import { mirrorValue, scaleRange, scoreItem, scoreScaleValue } from '../../src-main/core/item-score';
import { scoreResponseSet, type ResponseSet } from '../../src-main/core/response-set';
import { scoreAssessment, type FactorResult, type ShownFactorResult } from '../../src-main/core/scoring';
import { weightedMean } from '../../src-main/core/weighted-mean';
import { arbitraryAssessment, arbitraryGuide, arbitrarySets } from './fixtures/scoring-arbitraries';
import { buildGuide, consensus, groupInterview, individual, notApplicable, tally } from './fixtures/scoring-guide';

const guide = buildGuide(
  [
    { id: 'support', items: ['support.1', 'support.2', { id: 'support.3', reverse: true }] },
    { id: 'demands', direction: 'higherIsWorse', thresholds: { lower: 40, upper: 60 }, items: ['demands.1', 'demands.2'] },
  ],
  [
    { id: 'frequency', points: 5 },
    { id: 'agreement', points: 4 },
  ],
);
const scale5 = guide.scales[0];
const scale4 = guide.scales[1];
const item = (id: string) => guide.items.find((i) => i.id === id)!;

function shown(result: FactorResult): ShownFactorResult {
  if (result.suppressed) throw new Error(`expected ${result.factorId} to be shown, it is withheld (${result.reason})`);
  return result;
}

describe('scoreScaleValue', () => {
  it.each([
    [scale5, 1, false, 0],
    [scale5, 2, false, 25],
    [scale5, 3, false, 50],
    [scale5, 4, false, 75],
    [scale5, 5, false, 100],
    [scale5, 1, true, 100],
    [scale5, 2, true, 75],
    [scale5, 5, true, 0],
    [scale4, 1, false, 0],
    [scale4, 2, false, 100 / 3],
    [scale4, 3, false, 200 / 3],
    [scale4, 4, true, 0],
    [scale4, 2, true, 200 / 3],
  ])('case %#', (scale, value, reverse, expected) => {
    expect(scoreScaleValue(scale, value, reverse)).toBeCloseTo(expected, 12);
  });

  it('refuses a value that is not on the scale', () => {
    expect(() => scoreScaleValue(scale5, 6)).toThrow(RangeError);
    expect(() => scoreScaleValue(scale4, 0)).toThrow('not a value on the scale "agreement"');
  });

  it('stays within 0–100, reversed is 100 minus not reversed, and reversing twice is identity', () => {
    fc.assert(
      fc.property(arbitraryGuide, fc.nat(), ({ guide: g }, pick) => {
        const scale = g.scales[0];
        const value = scale.points[pick % scale.points.length].value;
        const plain = scoreScaleValue(scale, value);
        const reversed = scoreScaleValue(scale, value, true);
        expect(plain).toBeGreaterThanOrEqual(0);
        expect(plain).toBeLessThanOrEqual(100);
        expect(reversed).toBeCloseTo(100 - plain, 10);
        const range = scaleRange(scale);
        expect(mirrorValue(range, mirrorValue(range, value))).toBe(value);
        // A reversed answer scored as reversed again: the same number as not reversing at all.
        expect(scoreScaleValue(scale, mirrorValue(range, value), true)).toBe(plain);
      }),
    );
  });
});

describe('scoreItem', () => {
  it.each<[string, Answer | undefined, { score: number; weight: number } | null]>([
    ['support.1', consensus(4, 6), { score: 75, weight: 6 }],
    ['support.3', consensus(4, 6), { score: 25, weight: 6 }],
    ['support.1', tally({ 1: 1, 5: 1 }), { score: 50, weight: 2 }],
    ['support.1', tally({ 2: 1, 3: 2, 4: 2, 5: 1 }), { score: 62.5, weight: 6 }],
    ['support.3', tally({ 1: 1, 2: 2, 3: 1, 4: 1 }), { score: 65, weight: 5 }],
    ['support.1', tally({ 3: 0, 4: 3 }), { score: 75, weight: 3 }],
    ['support.1', tally({}), null],
    ['support.1', tally({ 2: 0 }), null],
    ['support.1', notApplicable, null],
    ['support.1', undefined, null],
  ])('%s with %j', (itemId, answer, expected) => {
    const scored = scoreItem(item(itemId), scale5, answer);
    expect(scored === null ? null : { score: scored.score, weight: scored.weight }).toEqual(expected);
  });

  it('refuses a vote for a value the scale does not have', () => {
    expect(() => scoreItem(item('support.1'), scale5, tally({ 7: 1 }))).toThrow(RangeError);
  });
});

describe('weightedMean', () => {
  it.each([
    [[], null],
    [[{ value: 10, weight: 0 }], null],
    [[{ value: 10, weight: 1 }, { value: 20, weight: 3 }], 17.5],
    [[{ value: 67.5, weight: 6 }, { value: 37.5, weight: 3 }], 57.5],
    [[{ value: 99, weight: 0 }, { value: 40, weight: 2 }], 40],
  ])('%j → %s', (entries, expected) => {
    expect(weightedMean(entries)).toBe(expected);
  });

  it('lies between the smallest and the largest weighted value', () => {
    const entry = fc.record({
      value: fc.double({ min: 0, max: 100, noNaN: true }),
      weight: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const counted = entries.filter((e) => e.weight > 0).map((e) => e.value);
        const mean = weightedMean(entries);
        if (counted.length === 0) {
          expect(mean).toBeNull();
          return;
        }
        expect(mean).toBeGreaterThanOrEqual(Math.min(...counted));
        expect(mean).toBeLessThanOrEqual(Math.max(...counted));
      }),
    );
  });
});

describe('scoreResponseSet', () => {
  const factor = (set: ResponseSet, id: string) => scoreResponseSet(guide, set).factors.find((f) => f.factorId === id)!;

  it.each<[string, Record<string, Answer>, number | null, number, number]>([
    // name, answers, score, weight, answered items
    ['all consensus', { 'support.1': consensus(4, 6), 'support.2': consensus(3, 6), 'support.3': consensus(2, 6) }, (75 + 50 + 75) / 3, 6, 3],
    ['two of three answered is enough', { 'support.1': consensus(2, 6), 'support.2': consensus(3, 6) }, 37.5, 6, 2],
    ['one of three is too few', { 'support.1': consensus(5, 6) }, null, 0, 1],
    ['not applicable is unanswered', { 'support.1': consensus(5, 6), 'support.2': notApplicable, 'support.3': notApplicable }, null, 0, 1],
    ['tallies: weight is the mean number of votes, rounded', { 'support.1': tally({ 4: 6 }), 'support.2': tally({ 4: 5 }), 'support.3': tally({ 2: 5 }) }, 75, 5, 3],
    ['a rounded mean of .5 goes up', { 'support.1': tally({ 4: 6 }), 'support.2': tally({ 4: 5 }) }, 75, 6, 2],
    ['never more people than were present', { 'support.1': tally({ 4: 9 }), 'support.2': tally({ 4: 8 }) }, 75, 6, 2],
    ['consensus for fewer than were present', { 'support.1': consensus(4, 4), 'support.2': consensus(4, 4) }, 75, 4, 2],
  ])('%s', (_name, answers, score, weight, answered) => {
    const result = factor(groupInterview('g', 'Day shift', 6, answers), 'support');
    expect(result.score).toBe(score);
    expect(result.weight).toBe(weight);
    expect(result.answeredItems).toBe(answered);
    expect(result.itemCount).toBe(3);
  });

  it('needs one of two items for a two-item factor, and scores each factor on its own items', () => {
    const set = individual('r1', 'Survey', { 'demands.1': 5, 'support.1': 1 });
    expect(factor(set, 'demands')).toMatchObject({ score: 100, weight: 1, answeredItems: 1, itemCount: 2 });
    expect(factor(set, 'support')).toMatchObject({ score: null, weight: 0 });
  });

  it('ignores answers to items the guide does not have, even ones named like object properties', () => {
    const set = groupInterview('g', 'A', 2, { constructor: consensus(1, 2), 'support.1': consensus(5, 2), 'support.2': consensus(5, 2) });
    expect(factor(set, 'support').score).toBe(100);
    const g = buildGuide([{ id: 'f', items: ['constructor', 'tostring'] }]);
    expect(scoreResponseSet(g, individual('r', 'A', { tostring: 3 })).factors[0]).toMatchObject({ score: 50, answeredItems: 1 });
  });
});

describe('scoreAssessment', () => {
  const sets = [
    groupInterview('g1', 'Day shift', 6, { 'support.1': consensus(4, 6), 'support.2': consensus(4, 6), 'demands.1': tally({ 5: 3, 4: 3 }) }),
    groupInterview('g2', 'Day shift', 5, { 'support.1': consensus(2, 5), 'support.2': consensus(2, 5), 'demands.1': notApplicable }),
    groupInterview('g3', 'Evening', 7, { 'support.1': tally({ 3: 7 }), 'support.2': tally({ 3: 6, 5: 1 }) }),
  ];

  it('weights the response sets by their respondents', () => {
    const result = scoreAssessment(guide, sets);
    const total = shown(result.factors[0]);
    expect(total.n).toBe(18);
    // (75·6 + 25·5 + (50 + (6·50 + 100)/7)/2 · 7) / 18
    expect(total.score).toBeCloseTo((75 * 6 + 25 * 5 + ((50 + 400 / 7) / 2) * 7) / 18, 12);
    expect(result.groups.map((g) => g.group)).toEqual(['Day shift', 'Evening']);
    expect(shown(result.groups[0].factors[0])).toMatchObject({ n: 11, score: (75 * 6 + 25 * 5) / 11, light: 'yellow' });
  });

  it('counts respondents per option, consensus as its participants, and not applicable by people present', () => {
    const total = shown(scoreAssessment(guide, sets).factors[0]);
    expect(total.items.map((i) => i.itemId)).toEqual(['support.1', 'support.2', 'support.3']);
    expect(total.items[0]).toEqual({
      itemId: 'support.1',
      options: [
        { value: 1, count: 0 },
        { value: 2, count: 5 },
        { value: 3, count: 7 },
        { value: 4, count: 6 },
        { value: 5, count: 0 },
      ],
      notApplicable: 0,
    });
    expect(total.items[1].options.map((o) => o.count)).toEqual([0, 5, 6, 6, 1]);
    expect(total.items[2].options.map((o) => o.count)).toEqual([0, 0, 0, 0, 0]);
  });

  it('leaves the answers of a set whose factor score is missing out of that factor', () => {
    // g2 said "not applicable" to demands.1 and nothing to demands.2: no demands score, so no count.
    const result = scoreAssessment(guide, sets, { minimumGroupSize: 3 });
    const demands = shown(result.factors[1]);
    expect(demands).toMatchObject({ n: 6, score: 87.5, light: 'red' });
    expect(demands.items[0].notApplicable).toBe(0);
    expect(demands.items[0].options.map((o) => o.count)).toEqual([0, 0, 0, 3, 3]);
    // Evening answered no demands item: nothing to show and nothing to hide.
    expect(result.groups[1].factors[1]).toMatchObject({ suppressed: false, score: null, n: 0, light: null });
  });

  it('returns no score and no light when nobody answered', () => {
    const result = scoreAssessment(guide, []);
    expect(result.groups).toEqual([]);
    expect(result.factors.map((f) => shown(f)).map(({ score, n, light }) => ({ score, n, light }))).toEqual([
      { score: null, n: 0, light: null },
      { score: null, n: 0, light: null },
    ]);
  });

  it('treats survey respondents as response sets of one', () => {
    const respondents = [1, 2, 3, 4, 5].map((v) => individual(`r${v}`, 'Survey', { 'support.1': v, 'support.2': v }));
    const total = shown(scoreAssessment(guide, respondents).factors[0]);
    expect(total).toMatchObject({ n: 5, score: 50, light: 'yellow' });
    expect(total.items[0].options.map((o) => o.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it('does not depend on the order of the response sets, except for the order of the groups', () => {
    fc.assert(
      fc.property(
        arbitraryAssessment.chain((a) => fc.shuffledSubarray(a.sets, { minLength: a.sets.length }).map((shuffled) => ({ ...a, shuffled }))),
        ({ guide: g, sets: s, shuffled }) => {
          const a = scoreAssessment(g, s);
          const b = scoreAssessment(g, shuffled);
          const byGroup = (r: typeof a) => [...r.groups].sort((x, y) => (x.group < y.group ? -1 : 1));
          const rounded = (value: unknown) =>
            JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));
          expect(rounded(b.factors)).toEqual(rounded(a.factors));
          expect(rounded(byGroup(b))).toEqual(rounded(byGroup(a)));
        },
      ),
    );
  });

  it('keeps every score within 0–100, and the total between the lowest and highest set it weighs', () => {
    fc.assert(
      fc.property(arbitraryAssessment, ({ guide: g, sets: s }) => {
        const setScores = s.map((set) => scoreResponseSet(g, set).factors);
        for (const f of setScores.flat()) {
          if (f.score === null) continue;
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(100);
        }
        const result = scoreAssessment(g, s);
        result.factors.forEach((total, f) => {
          if (total.suppressed || total.score === null) return;
          const weighed = setScores.flatMap((factors) => (factors[f].weight > 0 && factors[f].score !== null ? [factors[f].score] : []));
          expect(total.score).toBeGreaterThanOrEqual(Math.min(...weighed));
          expect(total.score).toBeLessThanOrEqual(Math.max(...weighed));
          expect(total.score).toBeGreaterThanOrEqual(0);
          expect(total.score).toBeLessThanOrEqual(100);
        });
      }),
    );
  });

  it('has as n the sum of the n of its groups, and as distribution their sum', () => {
    fc.assert(
      fc.property(
        arbitraryGuide.chain(({ guide: g, scalePoints }) => arbitrarySets(g, scalePoints).map((s) => ({ g, s }))),
        ({ g, s }) => {
          // Two groups and the lowest minimum, so that most runs show the total and both groups.
          const big = s.map((set) => ({ ...set, group: set.group < 'C' ? 'X' : 'Y' }));
          const result = scoreAssessment(g, big, { minimumGroupSize: 3 });
          result.factors.forEach((total, f) => {
            const parts = result.groups.map((group) => group.factors[f]);
            if (total.suppressed || parts.some((p) => p.suppressed)) return;
            const shownParts = parts as ShownFactorResult[];
            expect(total.n).toBe(shownParts.reduce((sum, p) => sum + p.n, 0));
            total.items.forEach((itemDistribution, i) => {
              itemDistribution.options.forEach((option, o) => {
                expect(option.count).toBe(shownParts.reduce((sum, p) => sum + p.items[i].options[o].count, 0));
              });
            });
          });
        },
      ),
    );
  });
});
