// The risk matrix: likelihood × consequence on a 3 × 3, 4 × 4 or 5 × 5 grid, with the bands that
// turn the product into low / medium / high, and when a matrix change asks for a finding's review.
import type { LocalizedText } from './guide';

export const matrixSizes = [3, 4, 5] as const;
export type MatrixSize = (typeof matrixSizes)[number];

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/**
 * A consultancy's matrix. The level of a cell comes from the product likelihood × consequence:
 * below `mediumFrom` it is low, from `highFrom` on it is high, in between medium. Bands on the
 * product keep the level monotonic: a more likely or more serious risk is never rated lower.
 */
export interface RiskMatrix {
  size: MatrixSize;
  mediumFrom: number;
  highFrom: number;
}

/** The usual bands per size: on 5 × 5 the common Norwegian 1–4 low, 5–9 medium, 10–25 high. */
export const defaultBands: Record<MatrixSize, Pick<RiskMatrix, 'mediumFrom' | 'highFrom'>> = {
  3: { mediumFrom: 3, highFrom: 6 },
  4: { mediumFrom: 4, highFrom: 8 },
  5: { mediumFrom: 5, highFrom: 10 },
};

export const defaultRiskMatrix: RiskMatrix = { size: 5, ...defaultBands[5] };

export function isMatrixSize(value: unknown): value is MatrixSize {
  return matrixSizes.includes(value as MatrixSize);
}

export interface MatrixProblem {
  path: 'size' | 'mediumFrom' | 'highFrom';
  message: string;
  key: string;
}

/** What is wrong with a matrix, or nothing. Low must keep the cell 1 × 1 and high the top corner,
 * so every matrix has all three levels. */
export function matrixProblems(matrix: { size: number; mediumFrom: number; highFrom: number }): MatrixProblem[] {
  if (!isMatrixSize(matrix.size)) return [{ path: 'size', message: 'the matrix is 3 × 3, 4 × 4 or 5 × 5', key: 'matrixSize' }];
  const top = matrix.size * matrix.size;
  const problems: MatrixProblem[] = [];
  if (!Number.isInteger(matrix.mediumFrom) || matrix.mediumFrom < 2 || matrix.mediumFrom > top - 1) {
    problems.push({ path: 'mediumFrom', message: `medium starts at a whole number from 2 to ${top - 1}`, key: 'bandOutOfRange' });
  }
  if (!Number.isInteger(matrix.highFrom) || matrix.highFrom < 3 || matrix.highFrom > top) {
    problems.push({ path: 'highFrom', message: `high starts at a whole number from 3 to ${top}`, key: 'bandOutOfRange' });
  }
  if (problems.length === 0 && matrix.highFrom <= matrix.mediumFrom) {
    problems.push({ path: 'highFrom', message: 'high must start above where medium starts', key: 'bandsOutOfOrder' });
  }
  return problems;
}

/** Whether a likelihood or consequence is a whole step on the matrix. */
export function isOnMatrix(matrix: Pick<RiskMatrix, 'size'>, value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= matrix.size;
}

/** The level of a cell. Throws a RangeError for a value off the matrix or a broken matrix: a
 * rating is validated where it enters, so this is a programming error, never a silent guess. */
export function riskLevel(matrix: RiskMatrix, likelihood: number, consequence: number): RiskLevel {
  const problems = matrixProblems(matrix);
  if (problems.length) throw new RangeError(`Invalid risk matrix: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  for (const [name, value] of [
    ['likelihood', likelihood],
    ['consequence', consequence],
  ] as const) {
    if (!isOnMatrix(matrix, value)) throw new RangeError(`${name} ${value} is not on a ${matrix.size} × ${matrix.size} matrix (1–${matrix.size})`);
  }
  const product = likelihood * consequence;
  if (product >= matrix.highFrom) return 'high';
  return product >= matrix.mediumFrom ? 'medium' : 'low';
}

export interface RatedFinding {
  likelihood: number | null;
  consequence: number | null;
  matrixSize: number | null;
  /** The level the finding was given when it was rated. */
  level: RiskLevel | null;
}

/**
 * Whether a finding's rating must be looked at again on this matrix: it was rated on another size,
 * or the bands now give its cell another level. An unrated finding never needs review. The values
 * themselves are never rescaled: a 4 on 5 × 5 is not "about 3 on 4 × 4"; the consultant decides.
 */
export function needsReview(finding: RatedFinding, matrix: RiskMatrix): boolean {
  if (finding.likelihood === null || finding.consequence === null) return false;
  if (finding.matrixSize !== matrix.size) return true;
  return riskLevel(matrix, finding.likelihood, finding.consequence) !== finding.level;
}

type Labels = Record<MatrixSize, LocalizedText[]>;

/** Step names, lowest first, in the consultant's languages. */
export const likelihoodLabels: Labels = {
  3: [
    { nb: 'Lite sannsynlig', en: 'Unlikely' },
    { nb: 'Mulig', en: 'Possible' },
    { nb: 'Sannsynlig', en: 'Likely' },
  ],
  4: [
    { nb: 'Lite sannsynlig', en: 'Unlikely' },
    { nb: 'Mulig', en: 'Possible' },
    { nb: 'Sannsynlig', en: 'Likely' },
    { nb: 'Svært sannsynlig', en: 'Very likely' },
  ],
  5: [
    { nb: 'Svært lite sannsynlig', en: 'Very unlikely' },
    { nb: 'Lite sannsynlig', en: 'Unlikely' },
    { nb: 'Mulig', en: 'Possible' },
    { nb: 'Sannsynlig', en: 'Likely' },
    { nb: 'Svært sannsynlig', en: 'Very likely' },
  ],
};

export const consequenceLabels: Labels = {
  3: [
    { nb: 'Liten', en: 'Minor' },
    { nb: 'Moderat', en: 'Moderate' },
    { nb: 'Alvorlig', en: 'Serious' },
  ],
  4: [
    { nb: 'Liten', en: 'Minor' },
    { nb: 'Moderat', en: 'Moderate' },
    { nb: 'Alvorlig', en: 'Serious' },
    { nb: 'Svært alvorlig', en: 'Very serious' },
  ],
  5: [
    { nb: 'Ubetydelig', en: 'Negligible' },
    { nb: 'Liten', en: 'Minor' },
    { nb: 'Moderat', en: 'Moderate' },
    { nb: 'Alvorlig', en: 'Serious' },
    { nb: 'Svært alvorlig', en: 'Very serious' },
  ],
};

export const riskLevelLabels: Record<RiskLevel, LocalizedText> = {
  low: { nb: 'Lav', en: 'Low' },
  medium: { nb: 'Middels', en: 'Medium' },
  high: { nb: 'Høy', en: 'High' },
};

/** The steps of one side of the matrix, 1..size. */
export function matrixSteps(matrix: Pick<RiskMatrix, 'size'>): number[] {
  return Array.from({ length: matrix.size }, (_, i) => i + 1);
}
