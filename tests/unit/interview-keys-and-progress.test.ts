import { describe, expect, it } from 'vitest';
import {
  changeVote,
  furthestIndex,
  itemState,
  positionOf,
  resumeIndex,
  tallyProblem,
} from '../../src-renderer/features/interview/logic/interview-progress';
import { shortcutFor, type KeyPress } from '../../src-renderer/features/interview/logic/shortcuts';
import { buildGuide } from './fixtures/scoring-guide';

const press = (key: string, code: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe('interview shortcuts', () => {
  it.each([
    [press('3', 'Digit3'), { kind: 'choose', value: 3 }],
    [press('5', 'Numpad5'), { kind: 'choose', value: 5 }],
    // Shift+3 types "#" on a US layout and "#" or "§" elsewhere: the physical key decides.
    [press('#', 'Digit3', { shiftKey: true }), { kind: 'removeVote', value: 3 }],
    [press('0', 'Digit0'), { kind: 'notApplicable' }],
    [press('ArrowRight', 'ArrowRight'), { kind: 'next' }],
    [press('PageDown', 'PageDown'), { kind: 'next' }],
    [press('ArrowLeft', 'ArrowLeft'), { kind: 'previous' }],
    [press('PageUp', 'PageUp'), { kind: 'previous' }],
    [press('n', 'KeyN'), { kind: 'focusNote' }],
    [press('F', 'KeyF', { shiftKey: true }), { kind: 'toggleFollowUp' }],
    [press('p', 'KeyP'), { kind: 'togglePrompts' }],
    [press('t', 'KeyT'), { kind: 'toggleMode' }],
    [press('r', 'KeyR'), { kind: 'respondentView' }],
    [press('?', 'Minus', { shiftKey: true }), { kind: 'help' }],
  ])('%o → %o', (key, action) => {
    expect(shortcutFor(key)).toEqual(action);
  });

  it.each([
    press('r', 'KeyR', { ctrlKey: true }),
    press('3', 'Digit3', { altKey: true }),
    press('f', 'KeyF', { metaKey: true }),
    press(')', 'Digit0', { shiftKey: true }),
    press('x', 'KeyX'),
    press('Enter', 'Enter'),
  ])('leaves %o to the browser', (key) => {
    expect(shortcutFor(key)).toBeNull();
  });
});

describe('interview progress', () => {
  const guide = buildGuide([
    { id: 'workload', items: ['w1', 'w2', 'w3'] },
    { id: 'support', items: ['s1', 's2'] },
  ]);

  it('counts items and factors from one', () => {
    const last = guide.items.length - 1;
    const position = positionOf(guide, last);
    expect(position.itemNumber).toBe(guide.items.length);
    expect(position.itemCount).toBe(guide.items.length);
    expect(position.factor.id).toBe(guide.items[last].factor);
    expect(position.factorNumber).toBe(guide.factors.findIndex((f) => f.id === guide.items[last].factor) + 1);
    expect(position.factorCount).toBe(guide.factors.length);
  });

  it('resumes at the item it was left at, and at the first when that is unknown', () => {
    expect(resumeIndex(guide, guide.items[2].id)).toBe(2);
    expect(resumeIndex(guide, null)).toBe(0);
    expect(resumeIndex(guide, 'no-such-item')).toBe(0);
  });

  it('calls an unanswered item skipped once the interview has passed it', () => {
    const furthest = furthestIndex(guide, [guide.items[3].id], 1);
    expect(furthest).toBe(3);
    expect(itemState(undefined, 2, furthest)).toBe('skipped');
    expect(itemState(undefined, 3, furthest)).toBe('open');
    expect(itemState({ kind: 'notApplicable' }, 0, furthest)).toBe('notApplicable');
    expect(itemState({ kind: 'tally', votes: { 2: 1 } }, 0, furthest)).toBe('answered');
  });

  it('adds and removes votes without going below zero', () => {
    let votes = changeVote({}, 3, 1);
    votes = changeVote(votes, 3, 1);
    votes = changeVote(votes, 5, 1);
    expect(votes).toEqual({ 3: 2, 5: 1 });
    votes = changeVote(votes, 5, -1);
    votes = changeVote(votes, 1, -1);
    expect(votes).toEqual({ 3: 2 });
  });

  it('holds back a tally with more votes than people present, or with nobody recorded', () => {
    expect(tallyProblem({ 3: 4, 4: 3 }, 7)).toBeNull();
    expect(tallyProblem({ 3: 4, 4: 4 }, 7)).toEqual({ kind: 'moreVotesThanPresent', votes: 8, present: 7 });
    expect(tallyProblem({ 3: 1 }, 0)).toEqual({ kind: 'noParticipants' });
    expect(tallyProblem({}, 0)).toBeNull();
  });
});
