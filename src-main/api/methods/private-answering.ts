// API contract for private answering: which items are answered by ballot, the answer mode an
// interview starts in, and paper ballot cards.
import { z } from 'zod';
import { answerModes, type InterviewSummary } from '../../core/assessments';
import { languageCodePattern } from '../../core/languages';
import { method } from '../method';
import { requiredText, uuid } from '../fields';
import type { ReportDownload } from './reports';

export interface SensitiveItems {
  assessmentId: string;
  /** Items the guide marks as sensitive. */
  guideItemIds: string[];
  /** Items the consultant marked for this assessment. */
  markedItemIds: string[];
}

export const privateAnsweringMethods = {
  'assessments.sensitiveItems': method<SensitiveItems>()({
    summary: "The items answered in a private round (ballot) in this assessment: the guide's sensitive items and those the consultant marked.",
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'assessments.setSensitiveItems': method<SensitiveItems>()({
    summary: "Marks the items the consultant wants answered in a private round, beside the guide's own; items of the assessment's guide only.",
    input: () => z.object({ assessmentId: uuid, itemIds: z.array(requiredText(80)).max(500) }).strict(),
  }),
  'interviews.setAnswerMode': method<InterviewSummary>()({
    summary: 'Chooses how the interview is answered (one agreed answer, or a count of votes), at its start; every item opens in it.',
    input: () => z.object({ id: uuid, answerMode: z.enum(answerModes) }).strict(),
  }),
  'ballots.cards': method<ReportDownload>()({
    summary:
      'Paper ballot cards (PDF, three to an A4 page) for the private-round items of an interview, in one of its languages: ' +
      'the question, a box per answer and a short item code; one card per participant and item.',
    input: () => z.object({ interviewId: uuid, language: z.string().max(20).regex(languageCodePattern, { message: 'not a language code' }) }).strict(),
  }),
};
