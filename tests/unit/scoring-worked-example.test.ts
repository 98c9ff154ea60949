// The worked example in docs/scoring.md, number for number. Change both together.
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src-main/core/comparison';
import { proposeFindings, startingRating } from '../../src-main/core/finding-proposals';
import { scoreItem } from '../../src-main/core/item-score';
import { summarizeFactor } from '../../src-main/core/factor-summary';
import { indexGuide } from '../../src-main/core/guide-index';
import { scoreFactorInSet, scoreResponseSet } from '../../src-main/core/response-set';
import { formatDifference, formatScore } from '../../src-main/core/score-format';
import { scoreAssessment } from '../../src-main/core/scoring';
import { trafficLight } from '../../src-main/core/traffic-light';
import { buildGuide, consensus, groupInterview, notApplicable, tally } from './fixtures/scoring-guide';

const guide = buildGuide([
  {
    id: 'support',
    direction: 'higherIsBetter',
    thresholds: { lower: 50, upper: 70 },
    items: ['support.colleagues', 'support.leader', { id: 'support.alone', reverse: true }],
  },
]);
const factor = guide.factors[0];
const scale = guide.scales[0];

const dayShift = groupInterview('day', 'Day shift', 6, {
  'support.colleagues': consensus(4, 6),
  'support.leader': tally({ 2: 1, 3: 2, 4: 2, 5: 1 }),
  'support.alone': tally({ 1: 1, 2: 2, 3: 1, 4: 1 }),
});
const eveningShift = groupInterview('evening', 'Evening shift', 3, {
  'support.colleagues': consensus(2, 3),
  'support.leader': consensus(3, 3),
  'support.alone': notApplicable,
});
const lastYear = groupInterview('last-year', 'All', 8, {
  'support.colleagues': consensus(3, 8),
  'support.leader': consensus(3, 8),
  'support.alone': consensus(3, 8),
});

describe('docs/scoring.md worked example', () => {
  it('value scores', () => {
    const plain = guide.items[0];
    const reversed = guide.items[2];
    expect([1, 2, 3, 4, 5].map((v) => scoreItem(plain, scale, consensus(v, 1))?.score)).toEqual([0, 25, 50, 75, 100]);
    expect([1, 2, 3, 4, 5].map((v) => scoreItem(reversed, scale, consensus(v, 1))?.score)).toEqual([100, 75, 50, 25, 0]);
  });

  it('Day shift', () => {
    const [support] = scoreResponseSet(guide, dayShift).factors;
    expect(support.items).toEqual([
      { itemId: 'support.colleagues', score: 75, weight: 6 },
      { itemId: 'support.leader', score: 62.5, weight: 6 },
      { itemId: 'support.alone', score: 65, weight: 5 },
    ]);
    expect(support.answeredItems).toBe(3);
    expect(support.score).toBe(67.5);
    expect(support.weight).toBe(6);
    expect(trafficLight(factor, 67.5)).toBe('yellow');
  });

  it('Evening shift', () => {
    const [support] = scoreResponseSet(guide, eveningShift).factors;
    expect(support.items).toEqual([
      { itemId: 'support.colleagues', score: 25, weight: 3 },
      { itemId: 'support.leader', score: 50, weight: 3 },
    ]);
    expect(support.answeredItems).toBe(2);
    expect(support.score).toBe(37.5);
    expect(support.weight).toBe(3);
    expect(trafficLight(factor, 37.5)).toBe('red');
  });

  const result = scoreAssessment(guide, [dayShift, eveningShift]);
  const index = indexGuide(guide);
  /** The total before suppression: what rule 7 decides about. */
  const total = summarizeFactor(
    index,
    'support',
    [dayShift, eveningShift].map((set) => ({ set, factor: scoreFactorInSet(index, 'support', set) })),
  );

  it('total, with its distribution (before suppression)', () => {
    expect(result.minimumGroupSize).toBe(5);
    expect({ ...total, light: trafficLight(factor, total.score) }).toEqual({
        factorId: 'support',
        score: 57.5,
        n: 9,
        light: 'yellow',
        items: [
          {
            itemId: 'support.colleagues',
            options: [
              { value: 1, count: 0 },
              { value: 2, count: 3 },
              { value: 3, count: 0 },
              { value: 4, count: 6 },
              { value: 5, count: 0 },
            ],
            notApplicable: 0,
          },
          {
            itemId: 'support.leader',
            options: [
              { value: 1, count: 0 },
              { value: 2, count: 1 },
              { value: 3, count: 5 },
              { value: 4, count: 2 },
              { value: 5, count: 1 },
            ],
            notApplicable: 0,
          },
          {
            itemId: 'support.alone',
            options: [
              { value: 1, count: 1 },
              { value: 2, count: 2 },
              { value: 3, count: 1 },
              { value: 4, count: 1 },
              { value: 5, count: 0 },
            ],
            notApplicable: 3,
            // Day shift's tally: 5 votes of 6 present (one abstained), shown as "5 av 6".
            shortTally: { votes: 5, present: 6 },
          },
        ],
    });
    expect(formatScore(57.5)).toBe('58');
  });

  it('what subtraction would give if Day shift were shown', () => {
    expect((57.5 * 9 - 67.5 * 6) / (9 - 6)).toBe(37.5);
  });

  it('suppression: Evening shift is too small; the total would give both shifts away, so it is withheld and Day shift shown', () => {
    expect(result.factors).toEqual([{ suppressed: true, factorId: 'support', reason: 'revealsWithheldGroup' }]);
    expect(result.groups).toEqual([
      { group: 'Day shift', factors: [{ suppressed: false, ...scoreOfDayShift() }] },
      { group: 'Evening shift', factors: [{ suppressed: true, factorId: 'support', reason: 'belowMinimumGroupSize' }] },
    ]);
  });

  function scoreOfDayShift() {
    const day = summarizeFactor(index, 'support', [{ set: dayShift, factor: scoreFactorInSet(index, 'support', dayShift) }]);
    expect(day).toMatchObject({ score: 67.5, n: 6 });
    return { ...day, light: 'yellow' };
  }

  it('comparison with last year', () => {
    const prior = scoreAssessment(guide, [lastYear]);
    expect(prior.factors[0]).toMatchObject({ suppressed: false, score: 50, n: 8 });
    const comparison = compareResults(factor, prior.factors[0], result.groups[0].factors[0]);
    expect(comparison).toEqual({ suppressed: false, factorId: 'support', a: 50, b: 67.5, difference: 17.5, change: 'better' });
    expect(formatDifference(17.5)).toBe('+18');
    expect(compareResults(factor, prior.factors[0], result.factors[0])).toEqual({
      suppressed: true,
      factorId: 'support',
      reason: 'revealsWithheldGroup',
    });
  });
});

describe('docs/scoring.md worked example: exposure, one case among nine', () => {
  const exposureGuide = buildGuide(
    [
      {
        id: 'harassment',
        direction: 'higherIsWorse',
        thresholds: { lower: 20, upper: 40 },
        // One exposure item: with two, the withheld shifts' exposure would have to lie on one item
        // only (rule 7.5), and answers that all say "Nei" on the other cannot trade (rule 7.4).
        items: [{ id: 'sexual-attention', scale: 'event', exposure: true }],
      },
    ],
    [{ id: 'event', points: 5, kind: 'event' }],
  );
  const day = groupInterview('day', 'Day shift', 6, { 'sexual-attention': tally({ 1: 6 }) });
  const evening = groupInterview('evening', 'Evening shift', 3, { 'sexual-attention': tally({ 1: 2, 2: 1 }) });
  const exposureResult = scoreAssessment(exposureGuide, [day, evening]);

  it('the mean alone would be green', () => {
    const [eveningHarassment] = scoreResponseSet(exposureGuide, evening).factors;
    expect(eveningHarassment.score).toBeCloseTo(25 / 3, 10);
    expect(formatScore(eveningHarassment.score)).toBe('8');
    const total = exposureResult.factors[0];
    expect(total).toMatchObject({ suppressed: false, n: 9 });
    if (total.suppressed) return;
    expect(total.score).toBeCloseTo(((25 / 3) * 3) / 9, 10);
    expect(formatScore(total.score)).toBe('3');
    expect(trafficLight(exposureGuide.factors[0], total.score)).toBe('green');
  });

  it('but 1 of 9 exposed makes it red, shown only in the total', () => {
    const total = exposureResult.factors[0];
    if (total.suppressed) throw new Error('the total is shown');
    expect(total.light).toBe('red');
    expect(total.exposure).toEqual({
      exposed: 1,
      answered: 9,
      items: [
        { itemId: 'sexual-attention', exposed: 1, answered: 9 },
      ],
    });
    expect(exposureResult.groups).toEqual([
      { group: 'Day shift', factors: [{ suppressed: true, factorId: 'harassment', reason: 'revealsWithheldGroup' }] },
      { group: 'Evening shift', factors: [{ suppressed: true, factorId: 'harassment', reason: 'belowMinimumGroupSize' }] },
    ]);
  });

  it('proposes a finding with the plain sentence, starting at "Alvorlig" on a 5 × 5 matrix', () => {
    const [draft] = proposeFindings(exposureGuide, exposureResult, [], 'nb').drafts;
    expect(draft.hazard).toContain('I hele kartleggingen svarte 1 av 9 (11 %) at de har opplevd dette det siste året: «sexual-attention»');
    expect(startingRating(draft, { size: 5 })).toEqual({ consequence: 4, matrixSize: 5 });
  });
});

describe('docs/scoring.md, rule 7.5: what it costs', () => {
  // The same shifts, with a second exposure item; two people in the small evening shift each report
  // one kind of exposure, on different items.
  const costGuide = buildGuide(
    [
      {
        id: 'harassment',
        direction: 'higherIsWorse',
        thresholds: { lower: 20, upper: 40 },
        items: [
          { id: 'sexual-attention', scale: 'event', exposure: true },
          { id: 'bullying', scale: 'event', exposure: true },
        ],
      },
    ],
    [{ id: 'event', points: 5, kind: 'event' }],
  );
  const day = groupInterview('day', 'Day shift', 6, { 'sexual-attention': tally({ 1: 6 }), bullying: tally({ 1: 6 }) });
  const evening = groupInterview('evening', 'Evening shift', 3, { 'sexual-attention': tally({ 1: 2, 2: 1 }), bullying: tally({ 1: 2, 2: 1 }) });
  const costResult = scoreAssessment(costGuide, [day, evening]);

  it('withholds the total, shows Day shift with none, and so the two reported cases show in no figure', () => {
    expect(costResult.factors).toEqual([{ suppressed: true, factorId: 'harassment', reason: 'revealsWithheldGroup' }]);
    const [dayShift, eveningShift] = costResult.groups;
    expect(eveningShift.factors).toEqual([{ suppressed: true, factorId: 'harassment', reason: 'belowMinimumGroupSize' }]);
    expect(dayShift.factors[0]).toMatchObject({ suppressed: false, n: 6, light: null, exposure: { exposed: 0, answered: 6 } });
    // Nothing red in the results, so no finding is proposed from them.
    expect(proposeFindings(costGuide, costResult, [], 'nb').drafts).toEqual([]);
  });

  it('would show them in the total with the exposure on one item only (rule 7.4)', () => {
    const oneItem = groupInterview('evening', 'Evening shift', 3, { 'sexual-attention': tally({ 1: 1, 2: 2 }), bullying: tally({ 1: 3 }) });
    const result = scoreAssessment(costGuide, [day, oneItem]);
    expect(result.factors[0]).toMatchObject({ suppressed: false, light: 'red', exposure: { exposed: 2, answered: 9 } });
    expect(proposeFindings(costGuide, result, [], 'nb').drafts.map((draft) => draft.factorIds)).toEqual([['harassment']]);
  });
});

describe('docs/scoring.md, incomplete tallies', () => {
  const guide = buildGuide([{ id: 'workload', direction: 'higherIsWorse', thresholds: { lower: 40, upper: 60 }, items: [{ id: 'time' }] }]);
  const shortSet = groupInterview('a', 'Day shift', 6, { time: tally({ 2: 3, 3: 2 }) });
  const fullSet = groupInterview('b', 'Evening shift', 5, { time: tally({ 2: 2, 4: 3 }) });
  const consensusSet = groupInterview('c', 'Night shift', 5, { time: consensus(3, 5) });

  it('a total adds up every tally, complete ones included: 5 of 6 and 5 of 5 read "10 av 11"; a consensus adds nothing', () => {
    const result = scoreAssessment(guide, [shortSet, fullSet, consensusSet], { minimumGroupSize: 5 });
    const [day, evening, night] = result.groups.map((group) => group.factors[0]);
    expect(day).toMatchObject({ suppressed: false, items: [{ itemId: 'time', shortTally: { votes: 5, present: 6 } }] });
    for (const complete of [evening, night]) expect(complete.suppressed === false && complete.items[0].shortTally).toBeUndefined();
    expect(result.factors[0]).toMatchObject({ suppressed: false, items: [{ itemId: 'time', shortTally: { votes: 10, present: 11 } }] });
  });

  it('carries nothing when every tally is complete', () => {
    const result = scoreAssessment(guide, [fullSet]);
    expect(result.factors[0].suppressed === false && 'shortTally' in result.factors[0].items[0]).toBe(false);
  });
});
