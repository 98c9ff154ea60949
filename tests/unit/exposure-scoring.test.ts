// Exposure and knowledge items (guide format 2): counted, never averaged into a light; withheld
// exactly like scores; and a reported exposure in a shown result is red and proposes a finding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerExposure, sharePercent } from '../../src-main/core/exposure';
import { proposeFindings, startingRating } from '../../src-main/core/finding-proposals';
import type { Guide } from '../../src-main/core/guide';
import type { ResponseSet } from '../../src-main/core/response-set';
import { scoreAssessment, type FactorResult, type ShownFactorResult } from '../../src-main/core/scoring';
import { arbitraryAnswer } from './fixtures/scoring-arbitraries';
import { buildGuide, consensus, groupInterview, individual, notApplicable, tally } from './fixtures/scoring-guide';

const event5 = { id: 'event', points: 5, kind: 'event' as const };
const knowledge3 = { id: 'knowledge', points: 3, kind: 'knowledge' as const };
const frequency5 = { id: 'frequency', points: 5 };

/** A harassment factor of three exposure items, an ordinary workload factor, and a knowledge factor. */
const guide: Guide = buildGuide(
  [
    {
      id: 'harassment',
      direction: 'higherIsWorse',
      thresholds: { lower: 20, upper: 40 },
      items: ['sexual', 'bullying', 'threats'].map((id) => ({ id, scale: 'event', exposure: true })),
    },
    { id: 'workload', direction: 'higherIsWorse', thresholds: { lower: 40, upper: 60 }, items: [{ id: 'time', scale: 'frequency' }] },
    {
      id: 'participation',
      items: [
        { id: 'knows-rep', scale: 'knowledge' },
        { id: 'heard', scale: 'frequency' },
      ],
    },
    { id: 'rights', items: [{ id: 'knows-rights', scale: 'knowledge' }] },
  ],
  [frequency5, event5, knowledge3],
);

const shown = (result: FactorResult): ShownFactorResult => {
  if (result.suppressed) throw new Error(`${result.factorId} is withheld`);
  return result;
};
const factorIndex = (id: string) => guide.factors.findIndex((factor) => factor.id === id);

describe('exposure items', () => {
  it('count any answer above "Nei" as exposure, in consensus and tally, and "Vet ikke" as unanswered', () => {
    const scale = guide.scales.find((s) => s.id === 'event')!;
    expect(answerExposure(scale, consensus(1, 6))).toEqual({ exposed: 0, answered: 6 });
    expect(answerExposure(scale, consensus(2, 6))).toEqual({ exposed: 6, answered: 6 });
    expect(answerExposure(scale, tally({ 1: 4, 2: 1, 5: 1 }))).toEqual({ exposed: 2, answered: 6 });
    expect(answerExposure(scale, notApplicable)).toEqual({ exposed: 0, answered: 0 });
    expect(answerExposure(scale, undefined)).toEqual({ exposed: 0, answered: 0 });
  });

  it('make one "Ja, en sjelden gang" among six red, although the mean is near the bottom', () => {
    const set = groupInterview('g', 'All', 6, {
      sexual: tally({ 1: 5, 2: 1 }),
      bullying: tally({ 1: 6 }),
      threats: tally({ 1: 6 }),
    });
    const harassment = shown(scoreAssessment(guide, [set], { minimumGroupSize: 5 }).factors[factorIndex('harassment')]);
    expect(harassment.score).toBeCloseTo(25 / 6 / 3, 10);
    expect(harassment.light).toBe('red');
    expect(harassment.exposure).toEqual({
      exposed: 1,
      answered: 6,
      items: [
        { itemId: 'sexual', exposed: 1, answered: 6 },
        { itemId: 'bullying', exposed: 0, answered: 6 },
        { itemId: 'threats', exposed: 0, answered: 6 },
      ],
    });
  });

  it('give no light at all, never green, when nobody reported exposure', () => {
    const set = groupInterview('g', 'All', 6, { sexual: tally({ 1: 6 }), bullying: tally({ 1: 6 }), threats: tally({ 1: 6 }) });
    const harassment = shown(scoreAssessment(guide, [set]).factors[factorIndex('harassment')]);
    expect(harassment.score).toBe(0);
    expect(harassment.light).toBeNull();
    expect(harassment.exposure).toMatchObject({ exposed: 0, answered: 6 });
  });

  it('keep a set that answered one exposure item of three (the half rule would drop its exposure)', () => {
    const sets = [1, 2, 3, 4, 5].map((i) => individual(`p${i}`, 'All', i === 1 ? { threats: 4 } : { sexual: 1, bullying: 1, threats: 1 }));
    const harassment = shown(scoreAssessment(guide, sets).factors[factorIndex('harassment')]);
    expect(harassment.n).toBe(5);
    expect(harassment.exposure).toMatchObject({ exposed: 1, answered: 5 });
    expect(harassment.light).toBe('red');
  });

  it('count the fewest people that can have been exposed in a group: the largest count on one item', () => {
    const set = groupInterview('g', 'All', 8, {
      sexual: tally({ 1: 6, 2: 2 }),
      bullying: tally({ 1: 5, 3: 3 }),
      threats: tally({ 1: 8 }),
    });
    expect(shown(scoreAssessment(guide, [set]).factors[factorIndex('harassment')]).exposure).toMatchObject({ exposed: 3, answered: 8 });
  });

  it('propose a finding that starts at the "Serious" consequence, with the plain sentence', () => {
    const sets = [
      groupInterview('a', 'A', 10, { sexual: tally({ 1: 8, 5: 2 }), bullying: tally({ 1: 10 }), threats: tally({ 1: 10 }) }),
      groupInterview('b', 'B', 9, { sexual: tally({ 1: 8, 2: 1 }), bullying: tally({ 1: 9 }), threats: tally({ 1: 9 }) }),
    ];
    const proposals = proposeFindings(guide, scoreAssessment(guide, sets), [], 'nb');
    const draft = proposals.drafts.find((d) => d.factorIds[0] === 'harassment')!;
    expect(draft.startsSerious).toBe(true);
    expect(draft.hazard).toContain(`I hele kartleggingen svarte 3 av 19 (${sharePercent(3, 19)} %) at de har opplevd dette det siste året: «sexual»`);
    expect(startingRating(draft, { size: 5 })).toEqual({ consequence: 4, matrixSize: 5 });
    expect(startingRating(draft, { size: 4 })).toEqual({ consequence: 3, matrixSize: 4 });
    expect(startingRating(draft, { size: 3 })).toEqual({ consequence: 3, matrixSize: 3 });
    expect(startingRating({}, { size: 5 })).toEqual({ consequence: null, matrixSize: null });
  });
});

describe('knowledge items', () => {
  it('are counted as "Ja" of those who answered, "Usikker" as an answer and "Vet ikke" as none', () => {
    const sets = [
      groupInterview('a', 'A', 7, { 'knows-rep': tally({ 1: 4, 2: 2, 3: 1 }), heard: consensus(4, 7), 'knows-rights': notApplicable }),
      groupInterview('b', 'B', 5, { 'knows-rep': tally({ 1: 3, 2: 2 }), heard: consensus(2, 5), 'knows-rights': tally({ 1: 1, 3: 4 }) }),
    ];
    const result = scoreAssessment(guide, sets);
    const participation = shown(result.factors[factorIndex('participation')]);
    expect(participation.knowledge).toEqual([{ itemId: 'knows-rep', yes: 7, answered: 12 }]);
    // Only the frequency item is scored: (75 × 7 + 25 × 5) / 12.
    expect(participation.score).toBeCloseTo((75 * 7 + 25 * 5) / 12, 10);
    const rights = shown(result.factors[factorIndex('rights')]);
    expect(rights.knowledge).toEqual([{ itemId: 'knows-rights', yes: 1, answered: 5 }]);
    expect(rights.score).toBeNull();
    expect(rights.light).toBeNull();
    expect(rights.n).toBe(5);
  });

  it('are withheld like a score: a knowledge-only factor of 3 people shows no counts', () => {
    const result = scoreAssessment(guide, [groupInterview('a', 'A', 3, { 'knows-rights': tally({ 1: 3 }) })]);
    expect(result.factors[factorIndex('rights')]).toEqual({ suppressed: true, factorId: 'rights', reason: 'belowMinimumGroupSize' });
  });

  it('leave a factor without exposure or knowledge items exactly as before: no new fields', () => {
    const result = scoreAssessment(guide, [groupInterview('a', 'A', 6, { time: consensus(3, 6) })]);
    expect(Object.keys(shown(result.factors[factorIndex('workload')])).sort()).toEqual(['factorId', 'items', 'light', 'n', 'score', 'suppressed']);
  });
});

/** Random sets over the guide above: groups A–D, 1–9 people (1 = an individual or survey respondent). */
const arbitrarySets: fc.Arbitrary<ResponseSet[]> = fc
  .array(
    fc.record({ group: fc.constantFrom('A', 'B', 'C', 'D'), respondents: fc.integer({ min: 1, max: 9 }) }).chain(({ group, respondents }) =>
      fc
        .tuple(...guide.items.map((item) => arbitraryAnswer(guide.scales.find((s) => s.id === item.scale)!.points.length, respondents)))
        .map((answers) => ({
          group,
          respondents,
          answers: Object.fromEntries(guide.items.flatMap((item, i) => (answers[i] === undefined ? [] : [[item.id, answers[i]!] as const]))),
        })),
    ),
    { maxLength: 10 },
  )
  .map((sets) => sets.map((set, i) => ({ id: `set-${i}`, ...set })));

describe('properties', () => {
  const harassment = factorIndex('harassment');

  it('any exposure count of 1 or more in a shown result is red, and in the total proposes a finding, whatever the other answers', () => {
    fc.assert(
      fc.property(arbitrarySets, fc.integer({ min: 0, max: 8 }), (sets, requested) => {
        const result = scoreAssessment(guide, sets, { minimumGroupSize: requested });
        const results = [result.factors[harassment], ...result.groups.map((group) => group.factors[harassment])];
        for (const r of results) {
          if (r.suppressed) continue;
          expect(r.exposure).toBeDefined();
          expect(r.light).toBe(r.exposure!.exposed > 0 ? 'red' : null);
          expect(r.exposure!.exposed).toBeLessThanOrEqual(r.exposure!.answered);
          for (const item of r.exposure!.items) {
            expect(item.exposed).toBeLessThanOrEqual(item.answered);
            // One exposure on any item is enough for the factor: it cannot hide behind the other items.
            if (item.exposed > 0) expect(r.exposure!.exposed).toBeGreaterThan(0);
          }
        }
        const total = result.factors[harassment];
        const drafts = proposeFindings(guide, result, [], 'en').drafts.filter((d) => d.factorIds.includes('harassment'));
        const exposedInTotal = !total.suppressed && total.exposure!.exposed > 0;
        expect(drafts.length).toBe(exposedInTotal ? 1 : 0);
        if (exposedInTotal) expect(drafts[0].startsSerious).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the total, when shown, counts every exposed survey respondent, however the others answered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B'), fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { minLength: 3, maxLength: 3 })), {
          minLength: 5,
          maxLength: 30,
        }),
        (people) => {
          const sets = people.map(([group, values], i) =>
            individual(`p${i}`, group, Object.fromEntries(['sexual', 'bullying', 'threats'].flatMap((id, k) => (values[k] === undefined ? [] : [[id, values[k]!]])))),
          );
          const result = scoreAssessment(guide, sets);
          const total = result.factors[harassment];
          const answered = people.filter(([, values]) => values.some((v) => v !== undefined)).length;
          const exposed = people.filter(([, values]) => values.some((v) => v !== undefined && v > 1)).length;
          if (answered > 0 && answered < 5) {
            expect(total.suppressed).toBe(true);
            return;
          }
          // Rules 7.4 and 7.5: beside a withheld group the total may be withheld, and then only so.
          if (total.suppressed) {
            expect(total.reason).toBe('revealsWithheldGroup');
            expect(result.groups.some((g) => g.factors[harassment].suppressed)).toBe(true);
            return;
          }
          expect(shown(total).exposure).toMatchObject({ exposed, answered });
          expect(shown(total).light).toBe(exposed > 0 ? 'red' : null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('exposure counts are withheld exactly with the score: withheld results carry none, and the shown groups never give a withheld one away', () => {
    fc.assert(
      fc.property(arbitrarySets, fc.integer({ min: 0, max: 8 }), (sets, requested) => {
        const result = scoreAssessment(guide, sets, { minimumGroupSize: requested });
        const minimum = result.minimumGroupSize;
        for (const f of [harassment, factorIndex('participation'), factorIndex('rights')]) {
          const total = result.factors[f];
          const groups = result.groups.map((group) => group.factors[f]);
          for (const r of [total, ...groups]) {
            if (r.suppressed) expect(Object.keys(r).sort()).toEqual(['factorId', 'reason', 'suppressed']);
            else expect(r.n === 0 || r.n >= minimum).toBe(true);
            if (!r.suppressed && r.n === 0) {
              expect(r.exposure?.exposed ?? 0).toBe(0);
              expect(r.exposure?.answered ?? 0).toBe(0);
              for (const count of r.knowledge ?? []) expect(count.answered).toBe(0);
            }
          }
          if (total.suppressed) continue;
          // The groups are disjoint, so their counts add up to the total's; what subtraction gives
          // is the withheld groups together, which is never exactly one group.
          const withheld = groups.filter((g) => g.suppressed);
          expect(withheld.length === 0 || withheld.length >= 2).toBe(true);
          if (withheld.length === 0 && f === harassment) {
            expect(total.exposure!.exposed).toBe(groups.reduce((sum, g) => sum + shown(g).exposure!.exposed, 0));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('knowledge counts: "Ja" never above those who answered, and the total is the sum of the groups', () => {
    fc.assert(
      fc.property(arbitrarySets, (sets) => {
        const result = scoreAssessment(guide, sets, { minimumGroupSize: 3 });
        for (const f of [factorIndex('participation'), factorIndex('rights')]) {
          const total = result.factors[f];
          if (total.suppressed) continue;
          for (const count of total.knowledge!) expect(count.yes).toBeLessThanOrEqual(count.answered);
          const groups = result.groups.map((group) => group.factors[f]);
          if (groups.every((g) => !g.suppressed)) {
            total.knowledge!.forEach((count, k) => {
              expect(count.yes).toBe(groups.reduce((sum, g) => sum + shown(g).knowledge![k].yes, 0));
              expect(count.answered).toBe(groups.reduce((sum, g) => sum + shown(g).knowledge![k].answered, 0));
            });
          }
          if (f === factorIndex('rights')) expect(total.score).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
