import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { estimatePlannedSession, estimateSessionMinutes } from '../../src-main/core/interview-duration';

const root = path.resolve(__dirname, '../..');
const load = (file: string): Guide => guideSchema.parse(JSON.parse(readFileSync(path.join(root, file), 'utf8')));

describe('estimateSessionMinutes', () => {
  it.each([
    // items, private, mode, interpreter, minutes
    [0, 0, 'tally', false, 15],
    [30, 0, 'tally', false, 45], // 15 + 30 min
    [30, 0, 'tally', true, 75], // 15 + 60 min: the 60–75 minutes for a core set with an interpreter
    [30, 0, 'consensus', false, 55], // 15 + 37.5 → 52.5 → 55
    [30, 0, 'consensus', true, 90], // 15 + 75
    [20, 4, 'tally', false, 45], // 15 + 20 + 6 = 41 → 45
    [20, 4, 'tally', true, 70], // 15 + 2 × 26 = 67 → 70
    [68, 0, 'tally', true, 155], // the 1.0.0 guide: two and a half hours
  ] as const)('%i items, %i private, %s, interpreter %s → %i min', (openItems, privateItems, mode, interpreter, minutes) => {
    expect(estimateSessionMinutes({ openItems, privateItems, mode, interpreter })).toBe(minutes);
  });

  it('never falls when an item is added, and an interpreter never makes it shorter', () => {
    for (const mode of ['tally', 'consensus'] as const) {
      for (let n = 0; n < 80; n++) {
        for (const interpreter of [false, true]) {
          const base = estimateSessionMinutes({ openItems: n, privateItems: 0, mode, interpreter });
          expect(estimateSessionMinutes({ openItems: n + 1, privateItems: 0, mode, interpreter })).toBeGreaterThanOrEqual(base);
          expect(estimateSessionMinutes({ openItems: n, privateItems: 1, mode, interpreter })).toBeGreaterThanOrEqual(base);
        }
        expect(estimateSessionMinutes({ openItems: n, privateItems: 0, mode, interpreter: true })).toBeGreaterThanOrEqual(
          estimateSessionMinutes({ openItems: n, privateItems: 0, mode, interpreter: false }),
        );
      }
    }
  });
});

describe('estimatePlannedSession', () => {
  const modular = load('tests/fixtures/modular-guide/with-modules.json');

  it('counts the core set and the chosen modules', () => {
    // 3 core items: 15 + 3 min = 18 → 20; with both modules 7 items: 22 → 25; with an interpreter 15 + 14 = 29 → 30.
    expect(estimatePlannedSession(modular, [], 'tally', false)).toBe(20);
    expect(estimatePlannedSession(modular, ['customers', 'lone-work'], 'tally', false)).toBe(25);
    expect(estimatePlannedSession(modular, ['customers', 'lone-work'], 'tally', true)).toBe(30);
  });

  it('answers sensitive items in a private round', () => {
    const sensitive = { ...modular, items: modular.items.map((item, i) => (i === 0 ? { ...item, sensitive: true } : item)) } as Guide;
    // 2 open items (2 min) and 1 private (1.5 min): 18.5 → 20.
    expect(estimatePlannedSession(sensitive, [], 'tally', false)).toBe(20);
    expect(estimatePlannedSession(sensitive, [], 'tally', true)).toBe(25); // 15 + 7 = 22 → 25
  });

  it('gives the documented figures for the built-in 2.0.0 guide (docs/guides.md)', () => {
    const guide = load('templates/interviews/psychosocial-cleaning-2.0.0.json');
    const all = (guide.modules ?? []).map((module) => module.id);
    expect(guide.items.filter((item) => item.module === undefined && item.sensitive === true)).toHaveLength(5);
    expect([estimatePlannedSession(guide, [], 'tally', true), estimatePlannedSession(guide, [], 'tally', false)]).toEqual([75, 45]);
    expect([estimatePlannedSession(guide, [], 'consensus', true), estimatePlannedSession(guide, [], 'consensus', false)]).toEqual([85, 50]);
    expect([estimatePlannedSession(guide, all, 'tally', true), estimatePlannedSession(guide, all, 'tally', false)]).toEqual([150, 85]);
  });

  it('fits the 2.0.0 core set into one group session of 60–75 minutes with an interpreter, votes counted (issue 13)', () => {
    const guide = load('templates/interviews/psychosocial-cleaning-2.0.0.json');
    const core = guide.items.filter((item) => item.module === undefined);
    expect(core.length).toBeLessThanOrEqual(30);
    const minutes = estimatePlannedSession(guide, [], 'tally', true);
    expect(minutes).toBeGreaterThanOrEqual(60);
    expect(minutes).toBeLessThanOrEqual(75);
  });

  it('asks every item of the built-in 1.0.0 guide', () => {
    expect(estimatePlannedSession(load('templates/interviews/psychosocial-cleaning.json'), [], 'tally', true)).toBe(155);
  });
});
