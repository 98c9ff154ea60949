import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../src-main/core/guide';
import { adviseSession, estimatePlannedSession, estimateSessionMinutes, secondsPerItem, sessionLimitMinutes } from '../../src-main/core/interview-duration';

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

describe('adviseSession: what the planner says when the chosen set is longer than one session', () => {
  const guide = load('templates/interviews/psychosocial-cleaning-2.0.0.json');
  const all = (guide.modules ?? []).map((module) => module.id);

  it('keeps consensus at least as slow as counted votes, the only answer mode with a timing behind it', () => {
    expect(secondsPerItem.consensus).toBeGreaterThanOrEqual(secondsPerItem.tally);
    expect(sessionLimitMinutes).toBe(75);
  });

  it('says nothing to drop when the core set with counted votes and an interpreter fits (75 minutes)', () => {
    expect(adviseSession(guide, [], 'tally', true)).toEqual({ minutes: 75, overLimit: false, coreMinutes: 75, withoutModule: [], dropToFit: [], withVotesMinutes: undefined });
  });

  it('says that the core set alone is too long with consensus and an interpreter, and that counted votes fit', () => {
    const advice = adviseSession(guide, [], 'consensus', true);
    expect(advice).toMatchObject({ minutes: 85, overLimit: true, coreMinutes: 85, withVotesMinutes: 75 });
    // No choice of modules can help: the consultant must change the answer mode or split the session.
    expect(advice.dropToFit).toBeUndefined();
  });

  it('names the fewest modules to drop, largest saving first, so that the set fits', () => {
    for (const interpreter of [false, true]) {
      const advice = adviseSession(guide, all, 'tally', interpreter);
      expect(advice.overLimit).toBe(true);
      const drop = advice.dropToFit!;
      expect(drop.length).toBeGreaterThan(0);
      const kept = (dropped: string[]) => all.filter((id) => !dropped.includes(id));
      expect(estimatePlannedSession(guide, kept(drop), 'tally', interpreter)).toBeLessThanOrEqual(75);
      expect(estimatePlannedSession(guide, kept(drop.slice(0, -1)), 'tally', interpreter)).toBeGreaterThan(75);
      // The savings are listed per chosen module, the largest first.
      const minutes = advice.withoutModule.map((m) => m.minutes);
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
      expect(advice.withoutModule.map((m) => m.id).sort()).toEqual([...all].sort());
    }
    // With an interpreter the core set takes the whole 75 minutes, so every module must go.
    expect(adviseSession(guide, all, 'tally', true).dropToFit).toHaveLength(all.length);
  });

  it('gives the time with counted votes only when the group was to agree its answers', () => {
    expect(adviseSession(guide, all, 'tally', false).withVotesMinutes).toBeUndefined();
    expect(adviseSession(guide, all, 'consensus', false).withVotesMinutes).toBe(estimatePlannedSession(guide, all, 'tally', false));
  });
});
