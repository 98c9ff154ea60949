// The rating policy for findings: a new rating is made on the consultancy's current matrix and must
// fit on it; an unchanged one keeps the matrix it was made on; a finding is accepted only when
// rated; its factors are the guide's.
import { AppError } from './errors';
import type { Guide } from './guide';
import type { Finding } from './risk';
import { isOnMatrix, riskLevel, type RiskMatrix } from './risk-matrix';

/** The error for accepting findings that have no rating yet, naming them. */
export function unratedError(findings: Finding[]): AppError {
  return new AppError(
    'invalid_input',
    `A finding is accepted only with a rating; rate likelihood and consequence first: ${findings.map((finding) => `"${finding.title}"`).join(', ')}.`,
    [{ path: 'likelihood', message: 'rate the finding before it is accepted', key: 'ratingRequired' }],
  );
}

/** Refuses factor ids the assessment's guide does not have, naming each. */
export function checkFactors(guide: Guide, factorIds: string[]): void {
  const known = new Set(guide.factors.map((f) => f.id));
  const issues = factorIds.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: `factorIds[${index}]`, message: `the guide has no factor "${id}"`, key: 'unknownFactor' }],
  );
  if (issues.length) throw new AppError('invalid_input', "A finding's factors must be factors of the assessment's guide.", issues);
}

export interface RatingInput {
  likelihood: number | null;
  consequence: number | null;
}

export type Rating = Pick<Finding, 'likelihood' | 'consequence' | 'matrixSize' | 'level' | 'needsReview'>;

/** A new rating is made on the current matrix; it must fit on it. */
export function rateOn(matrix: RiskMatrix, { likelihood, consequence }: RatingInput): Rating {
  if (likelihood === null || consequence === null) return { likelihood: null, consequence: null, matrixSize: null, level: null, needsReview: false };
  const issues = (['likelihood', 'consequence'] as const).flatMap((field) => {
    const value = field === 'likelihood' ? likelihood : consequence;
    return isOnMatrix(matrix, value)
      ? []
      : [{ path: field, message: `${value} is not on the ${matrix.size} × ${matrix.size} matrix (1–${matrix.size})`, key: 'notOnMatrix' }];
  });
  if (issues.length) throw new AppError('invalid_input', `The rating does not fit on the ${matrix.size} × ${matrix.size} risk matrix.`, issues);
  return { likelihood, consequence, matrixSize: matrix.size, level: riskLevel(matrix, likelihood, consequence), needsReview: false };
}

/** An unchanged rating keeps the matrix and level it was made on (and its review flag): editing a
 * finding's text must not quietly move it onto a new matrix. */
export function keepOrRate(matrix: RiskMatrix, current: Finding, input: RatingInput): Rating {
  if (input.likelihood === current.likelihood && input.consequence === current.consequence) {
    return {
      likelihood: current.likelihood,
      consequence: current.consequence,
      matrixSize: current.matrixSize,
      level: current.level,
      needsReview: current.needsReview,
    };
  }
  return rateOn(matrix, input);
}

/** Confirms a rating after the matrix changed: it must have one and fit on the current matrix, and is
 * then rated afresh on it (clearing the review flag). */
export function confirmRating(matrix: RiskMatrix, finding: Finding): Rating {
  if (finding.likelihood === null || finding.consequence === null) throw new AppError('conflict', 'The finding has no rating to confirm.');
  if (!isOnMatrix(matrix, finding.likelihood) || !isOnMatrix(matrix, finding.consequence)) {
    throw new AppError(
      'conflict',
      `The rating (${finding.likelihood} × ${finding.consequence}, made on ${finding.matrixSize} × ${finding.matrixSize}) does not fit on the ` +
        `${matrix.size} × ${matrix.size} matrix. Rate the finding again.`,
    );
  }
  return rateOn(matrix, finding);
}
