// API contract for assessments and their planned interviews.
import { z } from 'zod';
import {
  assessmentMethods,
  assessmentStatuses,
  interviewKinds,
  respondentRoles,
  participantRoles,
  type AssessmentDetails,
  type AssessmentSummary,
  type InterviewSummary,
  type ParticipantRole,
} from '../../core/assessments';
import { languageCodePattern } from '../../core/languages';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { isoDate, plausibleDate, requiredText, text, uuid } from '../fields';

const optionalDate = lazySchema(() => plausibleDate.nullable().optional().default(null));
const languageCode = lazySchema(() => z.string().regex(languageCodePattern, { message: 'not a language code' }));

const assessmentShape = lazySchema(() =>
  z
    .object({
      clientId: uuid,
      unitId: uuid.nullable().optional().default(null),
      title: requiredText(200),
      mandate: text(10_000).optional().default(''),
      method: z.enum(assessmentMethods),
      consultant: text(200).optional().default(''),
      plannedStart: optionalDate(),
      plannedEnd: optionalDate(),
      guideId: requiredText(80),
      guideVersion: requiredText(20),
      modules: z
        .array(requiredText(80))
        .max(100)
        .refine((ids) => new Set(ids).size === ids.length, { message: 'a module is chosen twice' })
        .optional()
        .default([])
        .describe("The guide's optional modules to ask besides its core set"),
      minGroupSize: z.number().int().min(3, { message: 'never below 3' }).max(50).optional().default(5),
      priorAssessmentId: uuid.nullable().optional().default(null),
      followUpDate: optionalDate(),
      conclusions: text(10_000).optional().default(''),
      noResultsReason: text(2_000).optional().default(''),
    })
    .strict(),
);

function withDatesInOrder<T extends z.ZodType<{ plannedStart: string | null; plannedEnd: string | null }>>(schema: T) {
  return schema.superRefine((values, ctx) => {
    if (values.plannedStart && values.plannedEnd && values.plannedEnd < values.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'the end is before the start', params: { key: 'endBeforeStart' } });
    }
  });
}

export const assessmentFields = lazySchema(() => withDatesInOrder(assessmentShape()));

const participantCounts = lazySchema(() =>
  z
    .object(
      Object.fromEntries(participantRoles.map((role) => [role, z.number().int().min(0).max(500).optional().default(0)])) as Record<
        ParticipantRole,
        z.ZodDefault<z.ZodOptional<z.ZodNumber>>
      >,
    )
    .strict(),
);

export const interviewFields = lazySchema(() =>
  z.object({
    groupName: requiredText(200),
    kind: z.enum(interviewKinds),
    /** Whose answers: the employees' for a new interview when not given; an update without it keeps the role. */
    respondentRole: z.enum(respondentRoles).optional(),
    respondentLanguage: languageCode().optional().default('nb'),
    languages: z.array(languageCode()).max(20).optional().default([]),
    interpreterUsed: z.boolean().optional().default(false),
    expectedParticipants: z.number().int().min(0).max(500).optional().default(0),
    participants: participantCounts().prefault({}),
    plannedAt: optionalDate(),
  }),
);

export const assessmentMethodsContract = {
  'assessments.list': method<AssessmentSummary[]>()({
    summary: 'Lists assessments, newest first, filtered by client, status, planned start (from/to) or a search in title, client and unit.',
    input: () => z
      .object({
        clientId: uuid.optional(),
        status: z.enum(assessmentStatuses).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        search: text(200).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  }),
  'assessments.get': method<AssessmentDetails>()({
    summary: 'One assessment with its interviews.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'assessments.create': method<AssessmentDetails>()({
    summary: 'Creates an assessment for a client (and unit) with a guide version.',
    input: () => assessmentFields(),
  }),
  'assessments.update': method<AssessmentDetails>()({
    summary: "Replaces an assessment's fields. The guide can change only while no answers are recorded.",
    input: () => withDatesInOrder(assessmentShape().extend({ id: uuid })),
  }),
  'assessments.setStatus': method<AssessmentDetails>()({
    summary: 'Marks an assessment planned, in progress or completed (issuing goes through revisions.issue).',
    input: () => z.object({ id: uuid, status: z.enum(['planned', 'in_progress', 'completed']) }).strict(),
  }),
  'assessments.delete': method<{ deleted: true }>()({
    summary: 'Deletes an assessment with its interviews, answers and notes; refused once a revision is issued.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'interviews.create': method<InterviewSummary>()({
    summary: 'Plans an interview (a group or an individual) in an assessment.',
    input: () => interviewFields().extend({ assessmentId: uuid }).strict(),
  }),
  'interviews.update': method<InterviewSummary>()({
    summary: "Replaces an interview's fields (group, languages, participants present by role).",
    input: () => interviewFields().extend({ id: uuid }).strict(),
  }),
  'interviews.delete': method<{ deleted: true }>()({
    summary: 'Deletes an interview with its answers and notes.',
    input: () => z.object({ id: uuid }).strict(),
  }),
};
