// API contract for the risk assessment (findings) and the action plan (measures, follow-up date).
import { z } from 'zod';
import type { LocalizedText } from '../../core/guide';
import {
  measurePriorities,
  measureStatuses,
  responsibleRoles,
  type Finding,
  type MeasureView,
  type OverdueMeasure,
} from '../../core/risk';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { isoDate, plausibleDate, requiredText, text, uuid } from '../fields';

/** A step on the matrix; whether it fits the current matrix's size is checked by the handler. */
const rating = lazySchema(() => z.number().int().min(1).max(5).nullable().optional().default(null));

const findingShape = lazySchema(() =>
  z
    .object({
      title: requiredText(300),
      factorIds: z.array(requiredText(80)).max(20).optional().default([]),
      hazard: text(10_000).optional().default(''),
      causes: text(10_000).optional().default(''),
      exposed: text(2000).optional().default(''),
      existingMeasures: text(10_000).optional().default(''),
      likelihood: rating(),
      consequence: rating(),
      justification: text(10_000).optional().default(''),
    })
    .strict(),
);

function withWholeRating<T extends z.ZodType<{ likelihood: number | null; consequence: number | null }>>(schema: T) {
  return schema.superRefine((values, ctx) => {
    if ((values.likelihood === null) !== (values.consequence === null)) {
      const path = values.likelihood === null ? 'likelihood' : 'consequence';
      ctx.addIssue({ code: 'custom', path: [path], message: 'rate both likelihood and consequence, or neither', params: { key: 'ratingIncomplete' } });
    }
  });
}

const measureShape = lazySchema(() =>
  z
    .object({
      findingId: uuid.nullable().optional().default(null),
      title: requiredText(300),
      rationale: text(5000).optional().default(''),
      responsibleRole: z.enum(responsibleRoles),
      deadline: plausibleDate,
      priority: z.enum(measurePriorities).optional().default('medium'),
      status: z.enum(measureStatuses).optional().default('proposed'),
      dropReason: text(2000).nullable().optional().default(null),
      agreedBy: z
        .array(z.enum(responsibleRoles))
        .max(responsibleRoles.length)
        .refine((roles) => new Set(roles).size === roles.length, { message: 'a role is listed twice' })
        .optional()
        .default([]),
      responsibleName: text(300).optional().default(''),
      agreedOn: plausibleDate.nullable().optional().default(null),
    })
    .strict(),
);

function withDropReason<T extends z.ZodType<{ status: string; dropReason: string | null }>>(schema: T) {
  return schema.superRefine((values, ctx) => {
    if (values.status === 'dropped' && !values.dropReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['dropReason'], message: 'say why the measure is dropped', params: { key: 'dropReasonRequired' } });
    }
  });
}

export interface ProposeFindingsResult {
  created: Finding[];
  /** Red or yellow factors that already have a finding (dismissed ones too), so none was added. */
  coveredFactorIds: string[];
  /** Factors whose whole-assessment result is withheld (too few respondents): nothing is proposed. */
  withheldFactorIds: string[];
}

export interface MeasureSuggestion {
  id: string;
  factorId: string;
  factorTitle: LocalizedText;
  text: LocalizedText;
}

export const riskMethods = {
  'findings.list': method<Finding[]>()({
    summary: "An assessment's findings (risks): proposed, accepted and dismissed, oldest first.",
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'findings.propose': method<ProposeFindingsResult>()({
    summary:
      'Proposes a finding for every red and yellow factor of the whole assessment, with text from the guide in the UI ' +
      'language. A factor that already has a finding (dismissed too) gets none; a withheld result gives none, only a note.',
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'findings.create': method<Finding>()({
    summary: 'Adds a finding by hand (accepted). A rating is made on the current risk matrix and gets its level.',
    input: () => withWholeRating(findingShape().extend({ assessmentId: uuid })),
  }),
  'findings.update': method<Finding>()({
    summary:
      "Replaces a finding's text and rating; accept: true also accepts a proposed one. An unchanged rating keeps its " +
      'matrix and level; a new one is made on the current matrix.',
    input: () => withWholeRating(findingShape().extend({ id: uuid, accept: z.boolean().optional().default(false) })),
  }),
  'findings.accept': method<Finding>()({
    summary: 'Accepts a proposed finding as it is; refused while it has no rating (likelihood and consequence).',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'findings.acceptMany': method<Finding[]>()({
    summary:
      'Accepts several proposed findings at once, all or none. A finding is only accepted with a rating: those without one ' +
      'get the likelihood and consequence given here (made on the current matrix); without them, the call is refused and names them.',
    input: () => withWholeRating(
      z
        .object({
          ids: z.array(uuid).min(1, { message: 'choose at least one finding' }).max(500),
          likelihood: rating(),
          consequence: rating(),
        })
        .strict(),
    ),
  }),
  'findings.dismissMany': method<Finding[]>()({
    summary: 'Dismisses several findings at once with the same reason, all or none; refused if measures are linked to any of them.',
    input: () => z.object({ ids: z.array(uuid).min(1, { message: 'choose at least one finding' }).max(500), reason: requiredText(2000) }).strict(),
  }),
  'findings.dismiss': method<Finding>()({
    summary: 'Dismisses a finding with the reason, kept for the record; refused while measures are linked to it.',
    input: () => z.object({ id: uuid, reason: requiredText(2000) }).strict(),
  }),
  'findings.reopen': method<Finding>()({
    summary: 'Takes a dismissed finding back to proposed.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'findings.confirmRating': method<Finding>()({
    summary:
      "Confirms a rating flagged for review after a matrix change: the same likelihood and consequence on the current " +
      'matrix, with its level. Refused when they do not fit on it: rate the finding again.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'findings.setResidual': method<Finding>()({
    summary:
      'Sets the residual risk of a finding: likelihood and consequence once the agreed measures are in place, on the current ' +
      'matrix, with the level they give. Both or neither (null clears it).',
    input: () => withWholeRating(z.object({ id: uuid, likelihood: rating(), consequence: rating() }).strict()),
  }),
  'findings.delete': method<{ deleted: true }>()({
    summary: 'Deletes a finding made by hand; proposed ones are dismissed instead, and one with measures is refused.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'measures.list': method<MeasureView[]>()({
    summary: "An assessment's action plan: its measures by deadline, each with the parties missing from its agreement.",
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'measures.create': method<MeasureView>()({
    summary:
      'Adds a measure to the action plan: what, why, responsible role, deadline, priority, status and who agreed it. ' +
      'missingParties warns when an agreed measure lacks the employer or the safety representative.',
    input: () => withDropReason(measureShape().extend({ assessmentId: uuid })),
  }),
  'measures.update': method<MeasureView>()({
    summary: "Replaces a measure's fields.",
    input: () => withDropReason(measureShape().extend({ id: uuid })),
  }),
  'measures.delete': method<{ deleted: true }>()({
    summary: 'Deletes a measure from the action plan.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'measures.suggestions': method<MeasureSuggestion[]>()({
    summary: "Measures from the guide's library for a finding's factors, in nb and en.",
    input: () => z.object({ findingId: uuid }).strict(),
  }),
  'measures.overdue': method<OverdueMeasure[]>()({
    summary: "Open measures (not done or dropped) whose deadline is before today, in every assessment. today is the caller's local date.",
    input: () => z.object({ today: isoDate.optional() }).strict(),
  }),
  'assessments.setFollowUpDate': method<{ assessmentId: string; followUpDate: string | null }>()({
    summary: 'Sets (or clears, with null) the date the whole assessment and its action plan are to be followed up.',
    input: () => z.object({ assessmentId: uuid, followUpDate: plausibleDate.nullable() }).strict(),
  }),
};
