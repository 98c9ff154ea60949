import { describe, expect, it } from 'vitest';
import { trafficLight } from '../../src-main/core/traffic-light';

describe('trafficLight', () => {
  const better = { direction: 'higherIsBetter', thresholds: { lower: 50, upper: 70 } } as const;
  const worse = { direction: 'higherIsWorse', thresholds: { lower: 40, upper: 60 } } as const;

  it.each([
    [better, 100, 'green'],
    [better, 70, 'green'],
    [better, 69.999, 'yellow'],
    [better, 50, 'yellow'],
    [better, 49.999, 'red'],
    [better, 0, 'red'],
    [worse, 0, 'green'],
    [worse, 40, 'green'],
    [worse, 40.001, 'yellow'],
    [worse, 60, 'yellow'],
    [worse, 60.001, 'red'],
    [worse, 100, 'red'],
    [better, null, null],
    [worse, null, null],
  ])('%o, score %s → %s', (factor, score, expected) => {
    expect(trafficLight(factor, score)).toBe(expected);
  });
});
