// Handlers for running an interview: every answer and note is committed before the call returns.
import { checkAnswer, requireFactor, requireItem } from '../../core/answer-rules';
import { totalParticipants, type InterviewDetails } from '../../core/assessments';
import { AppError } from '../../core/errors';
import { markAssessmentStarted, touchAssessment } from '../../db/assessments-repo';
import type { Db } from '../../db/database';
import * as interviews from '../../db/interviews-repo';
import { nowIso } from '../../db/rows';
import type { interviewingMethods } from '../methods/interviewing';
import type { Handlers } from '../registry';
import { guideInLanguages, fallbackLanguages } from '../../core/guide-texts';
import { interviewScreenLanguages } from '../../core/languages';
import { assessmentDetails } from './assessments';
import { assessmentGuide, requireAssessment, requireGuide, requireInterview, sensitiveItems } from './lookups';

function details(db: Db, id: string): InterviewDetails {
  return { ...requireInterview(db, id), answers: interviews.listAnswers(db, id), notes: interviews.listNotes(db, id) };
}

export const interviewingHandlers: Handlers<keyof typeof interviewingMethods> = {
  'interviews.open': ({ id }, context) =>
    // One read: the interview, its assessment and the marked items as they stand together.
    context.db.transaction(() => {
      const interview = details(context.db, id);
      const assessment = assessmentDetails(context.db, interview.assessmentId);
      const guide = requireGuide(context, assessment.guideId, assessment.guideVersion);
      // Only the languages the guide has: an interview may list one it lacks (shown in nb then).
      const known = new Set(guide.languages.map((language) => language.code));
      const guideLanguages = [...new Set([...interviewScreenLanguages(interview).filter((code) => known.has(code)), ...fallbackLanguages(guide)])];
      return {
        interview,
        assessment,
        markedSensitiveItemIds: sensitiveItems(context, context.db, assessment.id).markedItemIds,
        guide: guideInLanguages(guide, guideLanguages),
        guideLanguages,
      };
    })(),

  'interviews.get': ({ id }, { db }) => details(db, id),

  'interviews.setProgress': ({ id, currentItemId, status }, context) =>
    context.db.transaction(() => {
      const interview = requireInterview(context.db, id);
      const assessment = requireAssessment(context.db, interview.assessmentId);
      if (currentItemId) requireItem(assessmentGuide(context, assessment), currentItemId);
      if (assessment.status === 'issued') {
        // Moving through an issued assessment's interviews is reading: it must never reopen the
        // assessment or bump its revision. Reopening is assessments.setStatus, on purpose.
        if (status !== interview.status) {
          throw new AppError(
            'conflict',
            `"${assessment.title}" is issued (revision ${assessment.revision}): reopen it (status in progress) before changing an interview's status.`,
          );
        }
        return details(context.db, id);
      }
      const now = nowIso();
      interviews.setInterviewProgress(context.db, id, currentItemId, status, now);
      if (status !== 'planned') markAssessmentStarted(context.db, interview.assessmentId, now);
      return details(context.db, id);
    })(),

  'interviews.setHeld': ({ id, date, start, end }, { db }) =>
    db.transaction(() => {
      const interview = requireInterview(db, id);
      const now = nowIso();
      interviews.setHeldTime(db, id, { date, start, end }, now);
      touchAssessment(db, interview.assessmentId, now);
      return details(db, id);
    })(),

  'answers.save': ({ interviewId, itemId, answer, followUp }, context) =>
    context.db.transaction(() => {
      const interview = requireInterview(context.db, interviewId);
      const assessment = requireAssessment(context.db, interview.assessmentId);
      checkAnswer(assessmentGuide(context, assessment), itemId, answer, totalParticipants(interview.participants));
      // The same answer saved again (the screen re-saving on the way past) is no edit: it must not
      // touch the assessment, least of all reopen an issued one.
      const stored = interviews.findAnswer(context.db, interviewId, itemId);
      if (stored && stored.followUp === (followUp ?? false) && JSON.stringify(stored.answer) === JSON.stringify(answer)) return stored;
      const now = nowIso();
      interviews.upsertAnswer(context.db, interviewId, itemId, answer, followUp, now);
      interviews.recordHeldTime(context.db, interviewId, new Date(now));
      if (interview.status === 'planned') interviews.setInterviewProgress(context.db, interviewId, itemId, 'in_progress', now);
      markAssessmentStarted(context.db, assessment.id, now);
      return interviews.findAnswer(context.db, interviewId, itemId)!;
    })(),

  'answers.clear': ({ interviewId, itemId }, { db }) =>
    db.transaction(() => {
      const interview = requireInterview(db, interviewId);
      interviews.deleteAnswer(db, interviewId, itemId);
      touchAssessment(db, interview.assessmentId, nowIso());
      return { cleared: true as const };
    })(),

  'notes.add': ({ interviewId, factorId, kind, text }, context) =>
    context.db.transaction(() => {
      const interview = requireInterview(context.db, interviewId);
      requireFactor(assessmentGuide(context, requireAssessment(context.db, interview.assessmentId)), factorId);
      const now = nowIso();
      const id = interviews.insertNote(context.db, interviewId, factorId, kind, text, now);
      touchAssessment(context.db, interview.assessmentId, now);
      return interviews.findNote(context.db, id)!;
    })(),

  'notes.update': ({ id, kind, text }, { db }) =>
    db.transaction(() => {
      const note = interviews.findNote(db, id);
      if (!note) throw new AppError('not_found', 'That note does not exist (it may have been deleted).');
      const now = nowIso();
      interviews.updateNote(db, id, kind, text, now);
      touchAssessment(db, requireInterview(db, note.interviewId).assessmentId, now);
      return interviews.findNote(db, id)!;
    })(),

  'notes.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const note = interviews.findNote(db, id);
      if (!note) throw new AppError('not_found', 'That note does not exist (it may have been deleted).');
      interviews.deleteNote(db, id);
      touchAssessment(db, requireInterview(db, note.interviewId).assessmentId, nowIso());
      return { deleted: true as const };
    })(),
};
