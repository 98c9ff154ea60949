import { describe, expect, it } from 'vitest';
import { screenFromAddress } from '../../src-renderer/app/address';

describe('deep links in the address fragment', () => {
  it.each([
    ['#token=abc&screen=results&assessment=a1', { name: 'results', assessmentId: 'a1' }],
    ['#screen=risk&assessment=a2', { name: 'risk', assessmentId: 'a2' }],
    ['#screen=reports&assessment=a3', { name: 'reports', assessmentId: 'a3' }],
    ['#screen=guides', { name: 'guides' }],
    ['#screen=interview&interview=i1', { name: 'interview', interviewId: 'i1' }],
  ])('%s opens its screen', (hash, screen) => {
    expect(screenFromAddress(hash)).toEqual(screen);
  });

  it.each(['', '#token=abc', '#screen=results', '#screen=interview', '#screen=settingsX', '#screen=__proto__'])(
    '%s opens nothing',
    (hash) => {
      expect(screenFromAddress(hash)).toBeNull();
    },
  );
});
