import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consequenceLabels,
  defaultBands,
  defaultRiskMatrix,
  likelihoodLabels,
  matrixProblems,
  matrixSizes,
  needsReview,
  riskLevel,
  type MatrixSize,
  type RiskMatrix,
} from '../../src-main/core/risk-matrix';

const matrix = (size: MatrixSize, bands = defaultBands[size]): RiskMatrix => ({ size, ...bands });

describe('riskLevel on the default matrices', () => {
  it.each([
    // 5 × 5: low 1–4, medium 5–9, high 10–25
    [5, 1, 1, 'low'],
    [5, 1, 4, 'low'],
    [5, 2, 2, 'low'],
    [5, 1, 5, 'medium'],
    [5, 5, 1, 'medium'],
    [5, 3, 3, 'medium'],
    [5, 2, 4, 'medium'],
    [5, 2, 5, 'high'],
    [5, 5, 2, 'high'],
    [5, 3, 4, 'high'],
    [5, 5, 5, 'high'],
    // 4 × 4: low 1–3, medium 4–7, high 8–16
    [4, 1, 3, 'low'],
    [4, 3, 1, 'low'],
    [4, 1, 4, 'medium'],
    [4, 2, 2, 'medium'],
    [4, 2, 3, 'medium'],
    [4, 2, 4, 'high'],
    [4, 4, 4, 'high'],
    // 3 × 3: low 1–2, medium 3–5, high 6–9
    [3, 1, 1, 'low'],
    [3, 1, 2, 'low'],
    [3, 1, 3, 'medium'],
    [3, 2, 2, 'medium'],
    [3, 2, 3, 'high'],
    [3, 3, 3, 'high'],
  ] as const)('%i × %i: likelihood %i, consequence %i → %s', (size, likelihood, consequence, level) => {
    expect(riskLevel(matrix(size), likelihood, consequence)).toBe(level);
  });

  it('is the default 5 × 5 unless a consultancy sets another', () => {
    expect(defaultRiskMatrix).toEqual({ size: 5, mediumFrom: 5, highFrom: 10 });
  });
});

describe('custom bands', () => {
  it.each([
    // On each band edge and one step below it.
    [{ size: 5, mediumFrom: 3, highFrom: 15 }, 1, 2, 'low'],
    [{ size: 5, mediumFrom: 3, highFrom: 15 }, 1, 3, 'medium'],
    [{ size: 5, mediumFrom: 3, highFrom: 15 }, 3, 4, 'medium'],
    [{ size: 5, mediumFrom: 3, highFrom: 15 }, 3, 5, 'high'],
    [{ size: 4, mediumFrom: 2, highFrom: 16 }, 1, 1, 'low'],
    [{ size: 4, mediumFrom: 2, highFrom: 16 }, 3, 4, 'medium'],
    [{ size: 4, mediumFrom: 2, highFrom: 16 }, 4, 4, 'high'],
    [{ size: 3, mediumFrom: 8, highFrom: 9 }, 2, 3, 'low'],
    [{ size: 3, mediumFrom: 8, highFrom: 9 }, 3, 3, 'high'],
    [{ size: 3, mediumFrom: 2, highFrom: 3 }, 1, 2, 'medium'],
    [{ size: 3, mediumFrom: 2, highFrom: 3 }, 3, 1, 'high'],
  ] as const)('%o: %i × %i → %s', (custom, likelihood, consequence, level) => {
    expect(riskLevel(custom, likelihood, consequence)).toBe(level);
  });
});

describe('invalid values', () => {
  it.each([
    [5, 0, 3],
    [5, 6, 3],
    [5, 3, 0],
    [5, 3, 6],
    [4, 5, 1],
    [3, 1, 4],
    [5, 2.5, 3],
    [5, Number.NaN, 3],
    [5, -1, -1],
  ] as const)('refuses on %i × %i likelihood %s, consequence %s', (size, likelihood, consequence) => {
    expect(() => riskLevel(matrix(size), likelihood, consequence)).toThrow(RangeError);
  });

  it.each([
    [{ size: 6, mediumFrom: 5, highFrom: 10 }, ['size']],
    [{ size: 2, mediumFrom: 2, highFrom: 3 }, ['size']],
    [{ size: 5, mediumFrom: 1, highFrom: 10 }, ['mediumFrom']],
    [{ size: 5, mediumFrom: 25, highFrom: 25 }, ['mediumFrom']],
    [{ size: 5, mediumFrom: 5, highFrom: 26 }, ['highFrom']],
    [{ size: 3, mediumFrom: 5, highFrom: 10 }, ['highFrom']],
    [{ size: 4, mediumFrom: 8, highFrom: 8 }, ['highFrom']],
    [{ size: 4, mediumFrom: 9, highFrom: 5 }, ['highFrom']],
    [{ size: 5, mediumFrom: 4.5, highFrom: 10 }, ['mediumFrom']],
  ])('finds the problem in %o', (broken, paths) => {
    expect(matrixProblems(broken).map((p) => p.path)).toEqual(paths);
    expect(() => riskLevel(broken as RiskMatrix, 1, 1)).toThrow(RangeError);
  });

  it('finds nothing wrong with the default bands of every size', () => {
    for (const size of matrixSizes) expect(matrixProblems(matrix(size))).toEqual([]);
  });
});

describe('the review flag after a matrix change', () => {
  const rated = (likelihood: number, consequence: number, size: MatrixSize) => ({
    likelihood,
    consequence,
    matrixSize: size,
    level: riskLevel(matrix(size), likelihood, consequence),
  });

  it.each([
    ['the same matrix', rated(2, 4, 5), matrix(5), false],
    ['new bands that keep the level', rated(5, 5, 5), { size: 5, mediumFrom: 4, highFrom: 8 } as RiskMatrix, false],
    ['new bands that raise the level', rated(2, 4, 5), { size: 5, mediumFrom: 4, highFrom: 8 } as RiskMatrix, true],
    ['new bands that lower the level', rated(2, 5, 5), { size: 5, mediumFrom: 5, highFrom: 15 } as RiskMatrix, true],
    ['another size, values that fit', rated(1, 1, 5), matrix(3), true],
    ['another size, values that do not fit', rated(5, 5, 5), matrix(4), true],
    ['a larger size', rated(3, 3, 3), matrix(5), true],
    ['no rating', { likelihood: null, consequence: null, matrixSize: null, level: null }, matrix(3), false],
  ])('%s → %s', (_what, finding, newMatrix, expected) => {
    expect(needsReview(finding, newMatrix)).toBe(expected);
  });

  it('never changes the rating itself', () => {
    const finding = rated(4, 4, 5);
    const copy = { ...finding };
    needsReview(finding, matrix(3));
    expect(finding).toEqual(copy);
  });
});

describe('labels', () => {
  it('names every step of every size in bokmål and English', () => {
    for (const size of matrixSizes) {
      for (const labels of [likelihoodLabels[size], consequenceLabels[size]]) {
        expect(labels).toHaveLength(size);
        for (const label of labels) expect(Object.keys(label).sort()).toEqual(['en', 'nb']);
      }
    }
  });
});

describe('properties', () => {
  const order = { low: 0, medium: 1, high: 2 } as const;
  const validMatrix = fc
    .constantFrom(...matrixSizes)
    .chain((size) =>
      fc
        .integer({ min: 2, max: size * size - 1 })
        .chain((mediumFrom) => fc.integer({ min: mediumFrom + 1, max: size * size }).map((highFrom) => ({ size, mediumFrom, highFrom }))),
    );
  const withCells = validMatrix.chain((m) =>
    fc.record({
      matrix: fc.constant(m),
      l1: fc.integer({ min: 1, max: m.size }),
      l2: fc.integer({ min: 1, max: m.size }),
      c1: fc.integer({ min: 1, max: m.size }),
      c2: fc.integer({ min: 1, max: m.size }),
    }),
  );

  it('the level never falls when likelihood or consequence rises', () => {
    fc.assert(
      fc.property(withCells, ({ matrix: m, l1, l2, c1, c2 }) => {
        const [lowL, highL] = [Math.min(l1, l2), Math.max(l1, l2)];
        const [lowC, highC] = [Math.min(c1, c2), Math.max(c1, c2)];
        expect(order[riskLevel(m, highL, lowC)]).toBeGreaterThanOrEqual(order[riskLevel(m, lowL, lowC)]);
        expect(order[riskLevel(m, lowL, highC)]).toBeGreaterThanOrEqual(order[riskLevel(m, lowL, lowC)]);
      }),
    );
  });

  it('every valid matrix has low in its first cell and high in its last', () => {
    fc.assert(
      fc.property(validMatrix, (m) => {
        expect(matrixProblems(m)).toEqual([]);
        expect(riskLevel(m, 1, 1)).toBe('low');
        expect(riskLevel(m, m.size, m.size)).toBe('high');
      }),
    );
  });

  it('is symmetric: likelihood and consequence weigh the same', () => {
    fc.assert(fc.property(withCells, ({ matrix: m, l1, c1 }) => riskLevel(m, l1, c1) === riskLevel(m, c1, l1)));
  });
});
