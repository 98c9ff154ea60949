// The answer rules of an interview: the guide's items and factors, the item's scale, and no more
// people counted than are present.
import { describe, expect, it } from 'vitest';
import { checkAnswer, requireFactor, requireItem } from '../../src-main/core/answer-rules';
import { AppError } from '../../src-main/core/errors';
import { buildGuide } from './fixtures/scoring-guide';

const guide = buildGuide([{ id: 'demands', items: ['q1', 'q2'] }]);

/** The error's code and its one issue's path and key, or null when the answer is accepted. */
function problem(run: () => void): { code: string; path: string; key: string | undefined } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, path: error.issues![0]!.path, key: error.issues![0]!.key };
  }
}

describe('checkAnswer', () => {
  it.each([
    ['a consensus on the scale, for fewer than present', { kind: 'consensus', value: 3, participants: 4 }, 6],
    ['a consensus for all present', { kind: 'consensus', value: 5, participants: 6 }, 6],
    ['a consensus before anyone is recorded as present', { kind: 'consensus', value: 1, participants: 3 }, 0],
    ['a tally of as many votes as present', { kind: 'tally', votes: { '1': 2, '5': 4 } }, 6],
    ['not applicable', { kind: 'notApplicable' }, 0],
  ] as const)('accepts %s', (_name, answer, present) => {
    expect(problem(() => checkAnswer(guide, 'q1', answer, present))).toBeNull();
  });

  it.each([
    ['a value off the scale', { kind: 'consensus', value: 6, participants: 1 }, 4, 'answer.value', 'notOnScale'],
    ['a consensus for more than present', { kind: 'consensus', value: 2, participants: 5 }, 4, 'answer.participants', 'moreThanPresent'],
    ['a vote off the scale', { kind: 'tally', votes: { '7': 1 } }, 4, 'answer.votes.7', 'notOnScale'],
    ['a tally with no votes', { kind: 'tally', votes: { '3': 0 } }, 4, 'answer.votes', 'noVotes'],
    ['votes with nobody present', { kind: 'tally', votes: { '3': 1 } }, 0, 'answer.votes', 'noParticipants'],
    ['more votes than present', { kind: 'tally', votes: { '2': 3, '4': 2 } }, 4, 'answer.votes', 'moreVotesThanPresent'],
  ] as const)('refuses %s', (_name, answer, present, path, key) => {
    expect(problem(() => checkAnswer(guide, 'q2', answer, present))).toEqual({ code: 'invalid_input', path, key });
  });

  it('refuses an item the guide does not have', () => {
    expect(problem(() => checkAnswer(guide, 'q9', { kind: 'notApplicable' }, 3))).toEqual({ code: 'invalid_input', path: 'itemId', key: undefined });
  });
});

describe('requireItem and requireFactor', () => {
  it("find the guide's own and refuse others", () => {
    expect(requireItem(guide, 'q2').id).toBe('q2');
    expect(problem(() => requireItem(guide, 'nope'))?.path).toBe('itemId');
    expect(problem(() => requireFactor(guide, 'demands'))).toBeNull();
    expect(problem(() => requireFactor(guide, 'nope'))?.path).toBe('factorId');
  });
});
