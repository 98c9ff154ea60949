// What the consultant should look at before finishing an interview: questions without an answer,
// tallies that do not add up to those present, follow-up flags, notes, and anything not saved.
import type { Answer } from '../../../../src-main/core/answers';
import { totalVotes } from '../../../../src-main/core/votes';
import type { Guide } from '../../../../src-main/core/guide';

export interface FinishCheckEntry {
  itemId: string;
  /** Position in the guide, 0-based, to go to the item. */
  index: number;
}

export interface IncompleteTally extends FinishCheckEntry {
  votes: number;
  present: number;
}

export interface FinishCheckNote {
  localId: string;
  factorId: string;
  kind: 'note' | 'quote';
  text: string;
}

export interface FinishCheck {
  unanswered: FinishCheckEntry[];
  /** Tallies with fewer or more votes than people present ("4 av 6"). */
  incompleteTallies: IncompleteTally[];
  flagged: FinishCheckEntry[];
  /** Every note and quote: quotes go into the report, so they are read once more for names. */
  notes: FinishCheckNote[];
  /** Items whose answer was refused or held back, and whether writes are still on their way. */
  unsaved: FinishCheckEntry[];
  savePending: boolean;
}

export interface FinishCheckInput {
  guide: Guide;
  answers: Readonly<Record<string, { answer: Answer; followUp: boolean } | undefined>>;
  present: number;
  notes: readonly FinishCheckNote[];
  refusedItemIds: readonly string[];
  savePending: boolean;
}

export function finishCheck({ guide, answers, present, notes, refusedItemIds, savePending }: FinishCheckInput): FinishCheck {
  const refused = new Set(refusedItemIds);
  const check: FinishCheck = { unanswered: [], incompleteTallies: [], flagged: [], notes: [...notes], unsaved: [], savePending };
  guide.items.forEach((item, index) => {
    const entry = answers[item.id];
    const at = { itemId: item.id, index };
    if (!entry) check.unanswered.push(at);
    if (entry?.answer.kind === 'tally') {
      const votes = totalVotes(entry.answer.votes);
      if (votes !== present) check.incompleteTallies.push({ ...at, votes, present });
      // More votes than people, or nobody present: the tally is held back, not saved.
      if (votes > present) refused.add(item.id);
    }
    if (entry?.followUp) check.flagged.push(at);
    if (refused.has(item.id)) check.unsaved.push(at);
  });
  return check;
}

/** Nothing to look at: finishing can be confirmed without a list. */
export function finishCheckIsClear(check: FinishCheck): boolean {
  return (
    check.unanswered.length === 0 &&
    check.incompleteTallies.length === 0 &&
    check.flagged.length === 0 &&
    check.notes.length === 0 &&
    check.unsaved.length === 0 &&
    !check.savePending
  );
}

/** Input that would be lost or left wrong by leaving the interview now. */
export function hasUnsavedInput(check: Pick<FinishCheck, 'unsaved' | 'savePending'>, extra: { noteDraft: boolean; refusedNotes: number }): boolean {
  return check.unsaved.length > 0 || check.savePending || extra.noteDraft || extra.refusedNotes > 0;
}
