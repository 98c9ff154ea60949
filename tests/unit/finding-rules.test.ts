// The rating policy for findings: new ratings on the current matrix, unchanged ones kept as made,
// confirmation after a matrix change, and a finding's factors from its guide.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { checkFactors, confirmRating, keepOrRate, rateOn, unratedError } from '../../src-main/core/finding-rules';
import type { Finding } from '../../src-main/core/risk';
import { defaultBands, type RiskMatrix } from '../../src-main/core/risk-matrix';
import { buildGuide } from './fixtures/scoring-guide';

const five: RiskMatrix = { size: 5, ...defaultBands[5] };
const three: RiskMatrix = { size: 3, ...defaultBands[3] };

function finding(values: Partial<Finding>): Finding {
  return {
    id: 'f1', assessmentId: 'a1', title: 'Tidspress', factorIds: [], hazard: '', causes: '', exposed: '', existingMeasures: '',
    likelihood: null, consequence: null, matrixSize: null, level: null, justification: '', origin: 'manual', status: 'proposed',
    dismissalReason: null, needsReview: false, number: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    ...values,
  };
}

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('rateOn', () => {
  it('rates on the given matrix, with its level and no review flag', () => {
    expect(rateOn(five, { likelihood: 4, consequence: 4 })).toEqual({ likelihood: 4, consequence: 4, matrixSize: 5, level: 'high', needsReview: false });
    expect(rateOn(five, { likelihood: 1, consequence: 2 })).toMatchObject({ level: 'low' });
  });

  it('leaves a finding unrated when either value is missing', () => {
    expect(rateOn(five, { likelihood: 3, consequence: null })).toEqual({ likelihood: null, consequence: null, matrixSize: null, level: null, needsReview: false });
  });

  it('refuses values off the matrix, naming each field', () => {
    const error = thrown(() => rateOn(three, { likelihood: 4, consequence: 5 }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((issue) => [issue.path, issue.key])).toEqual([['likelihood', 'notOnMatrix'], ['consequence', 'notOnMatrix']]);
  });
});

describe('keepOrRate', () => {
  const onOldMatrix = finding({ likelihood: 3, consequence: 3, matrixSize: 3, level: 'high', needsReview: true });

  it('keeps an unchanged rating as it was made, on its old matrix and with its review flag', () => {
    expect(keepOrRate(five, onOldMatrix, { likelihood: 3, consequence: 3 })).toEqual({ likelihood: 3, consequence: 3, matrixSize: 3, level: 'high', needsReview: true });
  });

  it('rates a changed rating afresh on the current matrix', () => {
    expect(keepOrRate(five, onOldMatrix, { likelihood: 3, consequence: 2 })).toEqual(rateOn(five, { likelihood: 3, consequence: 2 }));
  });
});

describe('confirmRating', () => {
  it('rates a flagged finding again on the current matrix, clearing the flag', () => {
    const flagged = finding({ likelihood: 2, consequence: 3, matrixSize: 3, level: 'medium', needsReview: true });
    expect(confirmRating(five, flagged)).toEqual({ likelihood: 2, consequence: 3, matrixSize: 5, level: rateOn(five, flagged).level, needsReview: false });
  });

  it('refuses a finding with no rating, or one that does not fit on the current matrix', () => {
    expect(thrown(() => confirmRating(five, finding({}))).code).toBe('conflict');
    const error = thrown(() => confirmRating(three, finding({ likelihood: 5, consequence: 2, matrixSize: 5, level: 'medium' })));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Rate the finding again');
  });
});

describe('checkFactors and unratedError', () => {
  const guide = buildGuide([{ id: 'demands', items: ['q1'] }, { id: 'support', items: ['q2'] }]);

  it("accepts the guide's factors and names each unknown one", () => {
    expect(() => checkFactors(guide, ['demands', 'support'])).not.toThrow();
    expect(thrown(() => checkFactors(guide, ['demands', 'noise', 'light'])).issues?.map((issue) => issue.path)).toEqual(['factorIds[1]', 'factorIds[2]']);
  });

  it('names every unrated finding', () => {
    const error = unratedError([finding({ title: 'A' }), finding({ title: 'B' })]);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"A", "B"');
    expect(error.issues?.[0]?.key).toBe('ratingRequired');
  });
});
