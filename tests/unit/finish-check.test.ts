// The finish check of an interview: what it lists, and when leaving would lose input.
import { describe, expect, it } from 'vitest';
import { finishCheck, finishCheckIsClear, hasUnsavedInput } from '../../src-renderer/features/interview/logic/finish-check';
import { buildGuide } from './fixtures/scoring-guide';

const guide = buildGuide([{ id: 'workload', items: ['w1', 'w2', 'w3', 'w4'] }]);
const [a, b, c, d] = guide.items.map((item) => item.id);

describe('finishCheck', () => {
  it('lists unanswered items, tallies short of or over those present, flags, notes and refusals', () => {
    const check = finishCheck({
      guide,
      present: 6,
      answers: {
        [a]: { answer: { kind: 'tally', votes: { '3': 2, '4': 2 } }, followUp: true },
        [b]: { answer: { kind: 'tally', votes: { '1': 7 } }, followUp: false },
        [c]: { answer: { kind: 'consensus', value: 3, participants: 6 }, followUp: false },
      },
      notes: [{ localId: 'n1', factorId: 'workload', kind: 'quote', text: 'Vi rekker det aldri.' }],
      refusedItemIds: [c],
      savePending: false,
    });
    expect(check.unanswered).toEqual([{ itemId: d, index: 3 }]);
    expect(check.incompleteTallies).toEqual([
      { itemId: a, index: 0, votes: 4, present: 6 },
      { itemId: b, index: 1, votes: 7, present: 6 },
    ]);
    expect(check.flagged).toEqual([{ itemId: a, index: 0 }]);
    expect(check.notes.map((note) => note.text)).toEqual(['Vi rekker det aldri.']);
    // Seven votes for six people are held back; the refused consensus answer too.
    expect(check.unsaved.map((entry) => entry.itemId)).toEqual([b, c]);
    expect(finishCheckIsClear(check)).toBe(false);
    expect(hasUnsavedInput(check, { noteDraft: false, refusedNotes: 0 })).toBe(true);
  });

  it('is clear when everything is answered by everyone and saved', () => {
    const answers = Object.fromEntries(guide.items.map((item) => [item.id, { answer: { kind: 'tally' as const, votes: { '2': 6 } }, followUp: false }]));
    const check = finishCheck({ guide, present: 6, answers, notes: [], refusedItemIds: [], savePending: false });
    expect(finishCheckIsClear(check)).toBe(true);
    expect(hasUnsavedInput(check, { noteDraft: false, refusedNotes: 0 })).toBe(false);
    expect(hasUnsavedInput(check, { noteDraft: true, refusedNotes: 0 })).toBe(true);
    expect(finishCheckIsClear({ ...check, savePending: true })).toBe(false);
  });
});
