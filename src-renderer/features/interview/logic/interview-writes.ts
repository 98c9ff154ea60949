// The writes an interview makes, and how a newer write to the same thing replaces a queued one.
import type { Answer } from '../../../../src-main/core/answers';
import type { FactorNoteKind, InterviewStatus } from '../../../../src-main/core/assessments';

export type InterviewWrite =
  | { kind: 'answer.save'; interviewId: string; itemId: string; answer: Answer; followUp: boolean }
  | { kind: 'answer.clear'; interviewId: string; itemId: string }
  | { kind: 'progress'; interviewId: string; currentItemId: string | null; status: InterviewStatus }
  /** Notes are known by a local id until the API has given them theirs. */
  | { kind: 'note.add'; interviewId: string; localId: string; factorId: string; noteKind: FactorNoteKind; text: string }
  | { kind: 'note.update'; localId: string; noteKind: FactorNoteKind; text: string }
  | { kind: 'note.delete'; localId: string };

export function writeKey(write: InterviewWrite): string {
  switch (write.kind) {
    case 'answer.save':
    case 'answer.clear':
      return `item:${write.interviewId}:${write.itemId}`;
    case 'progress':
      return `progress:${write.interviewId}`;
    case 'note.add':
    case 'note.update':
    case 'note.delete':
      return `note:${write.localId}`;
  }
}

/** The newest answer or position wins; a note not yet added takes its later text, or is never sent if deleted. */
export function combineWrites(queued: InterviewWrite, next: InterviewWrite): InterviewWrite | null {
  if (queued.kind === 'note.add') {
    if (next.kind === 'note.update') return { ...queued, noteKind: next.noteKind, text: next.text };
    if (next.kind === 'note.delete') return null;
  }
  return next;
}

/** The item a write belongs to, to show a refusal where it happened. */
export function writeItemId(write: InterviewWrite): string | null {
  return write.kind === 'answer.save' || write.kind === 'answer.clear' ? write.itemId : null;
}
