// Where an interview is in its guide, what state each item is in, and the arithmetic of a tally.
import type { Answer } from '../../../../src-main/core/answers';
import { totalVotes } from '../../../../src-main/core/votes';
import type { Guide, GuideFactor, GuideItem } from '../../../../src-main/core/guide';

export interface Position {
  item: GuideItem;
  factor: GuideFactor;
  /** 1-based, for "question n of N" and "factor k of K". */
  itemNumber: number;
  itemCount: number;
  factorNumber: number;
  factorCount: number;
}

export function positionOf(guide: Guide, index: number): Position {
  const item = guide.items[index];
  const factorIndex = guide.factors.findIndex((f) => f.id === item.factor);
  return {
    item,
    factor: guide.factors[factorIndex],
    itemNumber: index + 1,
    itemCount: guide.items.length,
    factorNumber: factorIndex + 1,
    factorCount: guide.factors.length,
  };
}

/** The item a resumed interview opens at: where it was left, else the first. */
export function resumeIndex(guide: Guide, currentItemId: string | null): number {
  const index = currentItemId ? guide.items.findIndex((item) => item.id === currentItemId) : -1;
  return Math.max(index, 0);
}

export type ItemState = 'answered' | 'notApplicable' | 'skipped' | 'open';

/** Skipped: passed without an answer; open: not reached yet. */
export function itemState(answer: Answer | undefined, index: number, furthest: number): ItemState {
  if (answer?.kind === 'notApplicable') return 'notApplicable';
  if (answer) return 'answered';
  return index < furthest ? 'skipped' : 'open';
}

/** The furthest item reached: the current one or the last one answered, whichever is further. */
export function furthestIndex(guide: Guide, answeredItemIds: Iterable<string>, current: number): number {
  const answered = new Set(answeredItemIds);
  let furthest = current;
  guide.items.forEach((item, index) => {
    if (answered.has(item.id) && index > furthest) furthest = index;
  });
  return furthest;
}

/** One vote more or less for a value; never below zero, and values without votes are left out. */
export function changeVote(votes: Record<string, number>, value: number, delta: 1 | -1): Record<string, number> {
  const key = String(value);
  const count = Math.max(0, (votes[key] ?? 0) + delta);
  const next = { ...votes };
  if (count === 0) delete next[key];
  else next[key] = count;
  return next;
}

export type TallyProblem = { kind: 'noParticipants' } | { kind: 'moreVotesThanPresent'; votes: number; present: number };

/** What keeps a tally from being saved: nobody recorded as present, or more votes than people. */
export function tallyProblem(votes: Record<string, number>, present: number): TallyProblem | null {
  const total = totalVotes(votes);
  if (total === 0) return null;
  if (present === 0) return { kind: 'noParticipants' };
  if (total > present) return { kind: 'moreVotesThanPresent', votes: total, present };
  return null;
}
