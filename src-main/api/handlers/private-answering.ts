// Handlers for private answering: sensitive items per assessment, an interview's answer mode, and
// paper ballot cards.
import { totalParticipants } from '../../core/assessments';
import { AppError } from '../../core/errors';
import { privateRoundItems } from '../../core/private-answering';
import { touchAssessment } from '../../db/assessments-repo';
import { findInterview } from '../../db/interviews-repo';
import { readSensitiveItemIds, writeAnswerMode, writeSensitiveItemIds } from '../../db/private-answering-repo';
import { nowIso } from '../../db/rows';
import { buildBallotCards } from '../../reports/ballot-cards';
import { renderReport } from '../../reports/render-report';
import type { privateAnsweringMethods } from '../methods/private-answering';
import type { Handlers } from '../registry';
import { assessmentGuide, requireAssessment, requireInterview, sensitiveItems } from './lookups';

export const privateAnsweringHandlers: Handlers<keyof typeof privateAnsweringMethods> = {
  'assessments.sensitiveItems': ({ assessmentId }, context) => sensitiveItems(context, context.db, assessmentId),

  'assessments.setSensitiveItems': ({ assessmentId, itemIds }, context) =>
    context.db.transaction(() => {
      const { db } = context;
      const guide = assessmentGuide(context, requireAssessment(db, assessmentId));
      const known = new Set(guide.items.map((item) => item.id));
      const issues = itemIds.flatMap((itemId, i) =>
        known.has(itemId) ? [] : [{ path: `itemIds.${i}`, message: `"${itemId}" is not an item of the assessment's guide`, key: 'unknownItem' }],
      );
      if (issues.length) throw new AppError('invalid_input', 'Some items are not in the guide of this assessment.', issues);
      const now = nowIso();
      writeSensitiveItemIds(db, assessmentId, itemIds, now);
      touchAssessment(db, assessmentId, now);
      return sensitiveItems(context, db, assessmentId);
    })(),

  'interviews.setAnswerMode': ({ id, answerMode }, { db }) =>
    db.transaction(() => {
      requireInterview(db, id);
      writeAnswerMode(db, id, answerMode, nowIso());
      return findInterview(db, id)!;
    })(),

  'ballots.cards': async ({ interviewId, language }, context) => {
    const { db } = context;
    const interview = requireInterview(db, interviewId);
    const guide = assessmentGuide(context, requireAssessment(db, interview.assessmentId));
    if (!guide.languages.some((entry) => entry.code === language)) {
      const message = `the guide has no "${language}" translation`;
      throw new AppError('invalid_input', `No ballot cards in that language: ${message}.`, [{ path: 'language', message, key: 'languageNotInGuide' }]);
    }
    const items = privateRoundItems(guide, readSensitiveItemIds(db, interview.assessmentId));
    if (items.length === 0) {
      throw new AppError('invalid_input', 'This assessment has no items for a private round: mark items as sensitive when planning it.', [
        { path: 'interviewId', message: 'no sensitive items', key: 'noSensitiveItems' },
      ]);
    }
    const copies = Math.max(interview.expectedParticipants, totalParticipants(interview.participants), 1);
    const document = buildBallotCards({ guide, items, language, copies, groupName: interview.groupName });
    const pdf = (await renderReport(document, ['pdf'], context.appRoot)).get('pdf')!;
    return {
      fileName: `stemmekort-${interview.groupName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'intervju'}-${language}.pdf`,
      mimeType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    };
  },
};
