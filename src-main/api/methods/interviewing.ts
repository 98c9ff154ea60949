// API contract for running an interview: answers, notes and quotes, where the consultant is.
import { z } from 'zod';
import { answerSchema } from '../../core/answers';
import { interviewStatuses, noteMaxLength, type AssessmentDetails, type FactorNote, type InterviewDetails, type ItemAnswer } from '../../core/assessments';
import type { Guide } from '../../core/guide';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { plausibleDate, requiredText, uuid } from '../fields';

const guideRef = lazySchema(() => requiredText(80));
const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
const clockTime = lazySchema(() => z.string().max(5).refine(isClockTime, { message: 'use the time form HH:MM', params: { key: 'clockTime' } }));

/** What the interview screen needs to open an interview, in one call. */
export interface InterviewOpening {
  interview: InterviewDetails;
  assessment: AssessmentDetails;
  /** Items the consultant marked for a private round in this assessment (beside the guide's own). */
  markedSensitiveItemIds: string[];
  /** The assessment's guide, with its texts in `guideLanguages` only (as guides.get with `languages`). */
  guide: Guide;
  /** The interview's languages and the app's (nb, en), plus the guide's fallback languages. */
  guideLanguages: string[];
}

export const interviewingMethods = {
  'interviews.open': method<InterviewOpening>()({
    summary:
      'Everything the interview screen shows, in one call: the interview with its answers and notes, its assessment, the ' +
      "items marked for a private round, and the guide in the interview's languages and the app's (ask guides.get with " +
      '`languages` for any other).',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'interviews.get': method<InterviewDetails>()({
    summary: 'One interview with its answers and notes, to run or resume it.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'interviews.setProgress': method<InterviewDetails>()({
    summary: 'Records where the interview is (the current item) and its status, so it resumes there.',
    input: () => z.object({ id: uuid, currentItemId: guideRef().nullable(), status: z.enum(interviewStatuses) }).strict(),
  }),
  'interviews.setHeld': method<InterviewDetails>()({
    summary:
      'Sets the day and the local start and end times the interview was held. They are recorded from the first and last ' +
      'answer until set here; after that, answers no longer change them.',
    input: () => z
      .object({ id: uuid, date: plausibleDate, start: clockTime(), end: clockTime() })
      .strict()
      .refine((held) => !isClockTime(held.start) || !isClockTime(held.end) || held.end >= held.start, { path: ['end'], message: 'the end is before the start', params: { key: 'endBeforeStart' } }),
  }),
  'answers.save': method<ItemAnswer>()({
    summary:
      "Saves one item's answer (consensus, tally or not applicable) and its follow-up flag; committed when the call returns. " +
      'A tally may not count more votes than participants present.',
    input: () => z.object({ interviewId: uuid, itemId: guideRef(), answer: answerSchema(), followUp: z.boolean().optional().default(false) }).strict(),
  }),
  'answers.clear': method<{ cleared: true }>()({
    summary: "Removes an item's answer, so it counts as unanswered.",
    input: () => z.object({ interviewId: uuid, itemId: guideRef() }).strict(),
  }),
  'notes.add': method<FactorNote>()({
    summary: 'Adds a note or an anonymised quote to a factor in an interview. Write no names.',
    input: () => z.object({ interviewId: uuid, factorId: guideRef(), kind: z.enum(['note', 'quote']), text: requiredText(noteMaxLength) }).strict(),
  }),
  'notes.update': method<FactorNote>()({
    summary: 'Changes a note or quote.',
    input: () => z.object({ id: uuid, kind: z.enum(['note', 'quote']), text: requiredText(noteMaxLength) }).strict(),
  }),
  'notes.delete': method<{ deleted: true }>()({
    summary: 'Deletes a note or quote.',
    input: () => z.object({ id: uuid }).strict(),
  }),
};
