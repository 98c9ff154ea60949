import { describe, expect, it } from 'vitest';
import { formatDifference, formatScore, noScore } from '../../src-main/core/score-format';

describe('formatScore', () => {
  it.each([
    [57.5, undefined, '58'],
    [67.5, undefined, '68'],
    [62.49, undefined, '62'],
    [100, undefined, '100'],
    [0, undefined, '0'],
    [57.5, { decimals: 1 }, '57,5'],
    [200 / 3, { decimals: 1 }, '66,7'],
    [200 / 3, { decimals: 1, locale: 'en' }, '66.7'],
    [null, undefined, noScore],
  ])('%s with %o → %s', (score, options, expected) => {
    expect(formatScore(score, options)).toBe(expected);
  });
});

describe('formatDifference', () => {
  it.each([
    [7.5, { locale: 'en' }, '+8'],
    [-7.5, { locale: 'en' }, '-8'],
    [0, { locale: 'en' }, '0'],
    [0.4, { locale: 'en' }, '0'],
    [-0.4, { locale: 'en' }, '0'],
    [2.25, { locale: 'en', decimals: 1 }, '+2.3'],
    [-3, undefined, '−3'],
    [null, undefined, noScore],
  ])('%s with %o → %s', (difference, options, expected) => {
    expect(formatDifference(difference, options)).toBe(expected);
  });
});

describe('formats kept between calls', () => {
  it('gives each locale, number of decimals and sign its own format, in any order', () => {
    const calls: [() => string, string][] = [
      [() => formatScore(200 / 3, { decimals: 1, locale: 'en' }), '66.7'],
      [() => formatScore(200 / 3, { decimals: 1 }), '66,7'],
      [() => formatScore(200 / 3, { locale: 'en' }), '67'],
      [() => formatDifference(7, { locale: 'en' }), '+7'],
      [() => formatScore(7, { locale: 'en' }), '7'],
      [() => formatScore(200 / 3, { decimals: 2, locale: 'en' }), '66.67'],
    ];
    for (const round of [calls, [...calls].reverse()]) for (const [call, expected] of round) expect(call()).toBe(expected);
  });
});
