import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { isItemAsked, plannedGuide, unknownModules } from '../../src-main/core/guide-modules';
import { scoreAssessment, type FactorResult } from '../../src-main/core/scoring';
import { scoreResponseSet } from '../../src-main/core/response-set';
import { buildGuide, consensus, groupInterview, individual } from './fixtures/scoring-guide';

const root = path.resolve(__dirname, '../..');
const modular: Guide = guideSchema.parse(JSON.parse(readFileSync(path.join(root, 'tests/fixtures/modular-guide/with-modules.json'), 'utf8')));
const builtIn: Guide = guideSchema.parse(JSON.parse(readFileSync(path.join(root, 'templates/interviews/psychosocial-cleaning.json'), 'utf8')));

const score = (result: FactorResult) => (result.suppressed ? 'withheld' : result.score);

describe('plannedGuide', () => {
  it('asks the core set only when no module is chosen', () => {
    const planned = plannedGuide(modular, []);
    expect(planned.items.map((item) => item.id)).toEqual(['workload-time', 'workload-rooms', 'support-safety-rep']);
    // The lone-work factor has only module items, so it is not part of this assessment.
    expect(planned.factors.map((factor) => factor.id)).toEqual(['workload', 'support']);
  });

  it('adds the chosen modules in guide order', () => {
    const planned = plannedGuide(modular, ['lone-work', 'customers']);
    expect(planned.items.map((item) => item.id)).toEqual(modular.items.map((item) => item.id));
    expect(plannedGuide(modular, ['customers']).items.map((item) => item.id)).toEqual([
      'workload-time',
      'workload-rooms',
      'support-safety-rep',
      'support-customers',
      'workload-customers',
    ]);
  });

  it('returns a guide without modules unchanged, whatever is chosen', () => {
    expect(plannedGuide(builtIn, [])).toBe(builtIn);
    expect(plannedGuide(builtIn, ['anything'])).toBe(builtIn);
  });

  it('names the chosen modules a guide does not have', () => {
    expect(unknownModules(modular, ['customers', 'nope'])).toEqual(['nope']);
    expect(unknownModules(builtIn, ['customers'])).toEqual(['customers']);
    expect(isItemAsked({ module: undefined }, [])).toBe(true);
    expect(isItemAsked({ module: 'customers' }, [])).toBe(false);
  });
});

describe('the "half of the factor\'s items" rule counts the items asked', () => {
  // workload has 2 core items and 1 customers item.
  const oneCoreAnswer = individual('a', 'Day', { 'workload-time': 4 });

  it('scores a factor with one of its two asked items answered', () => {
    const planned = plannedGuide(modular, []);
    const factor = scoreResponseSet(planned, oneCoreAnswer).factors.find((f) => f.factorId === 'workload')!;
    expect(factor.itemCount).toBe(2);
    expect(factor.score).toBe(75);
  });

  it('needs more answers once the module adds an item to the factor', () => {
    const planned = plannedGuide(modular, ['customers']);
    const factor = scoreResponseSet(planned, oneCoreAnswer).factors.find((f) => f.factorId === 'workload')!;
    expect(factor.itemCount).toBe(3);
    expect(factor.score).toBeNull();
  });

  it('leaves the scores of a guide without modules exactly as they were', () => {
    const guide = buildGuide([{ id: 'support', items: ['s.1', 's.2', 's.3'] }]);
    const sets = [1, 2, 3, 4, 5].map((i) => individual(`p${i}`, 'Day', { 's.1': (i % 5) + 1, 's.2': 3 }));
    const before = scoreAssessment(guide, sets);
    expect(scoreAssessment(plannedGuide(guide, []), sets)).toEqual(before);
    expect(scoreAssessment(plannedGuide(guide, ['x']), sets)).toEqual(before);
  });

  it('scores an assessment on the asked factors only', () => {
    const sets = [groupInterview('g', 'Day', 6, { 'workload-time': consensus(5, 6), 'lone-night': consensus(5, 6) })];
    const coreOnly = scoreAssessment(plannedGuide(modular, []), sets);
    expect(coreOnly.factors.map((f) => f.factorId)).toEqual(['workload', 'support']);
    expect(score(coreOnly.factors[0])).toBe(100);
    const withLoneWork = scoreAssessment(plannedGuide(modular, ['lone-work']), sets);
    expect(withLoneWork.factors.map((f) => f.factorId)).toEqual(['workload', 'support', 'lone']);
    expect(score(withLoneWork.factors[2])).toBe(100);
  });
});
