// The records an assessment package carries (format version 1), one zod schema per shape, with the
// limits that keep a hostile file from smuggling in huge strings or wrong types (docs/package-format.md).
import { z } from 'zod';
import { answerSchema } from './answers';
import { answerModes, assessmentMethods, assessmentStatuses, interviewKinds, interviewStatuses, participantRoles, respondentRoles } from './assessments';
import { languageCodePattern } from './languages';
import { findingStatuses, measurePriorities, measureStatuses, responsibleRoles } from './risk';
import { riskLevels } from './risk-matrix';

const id = z.uuid({ message: 'not a valid id' });
const text = (max: number) => z.string().max(max, { message: `at most ${max} characters` });
const requiredText = (max: number) => text(max).min(1, { message: 'required' });
/** An ISO time as the app writes it (new Date().toISOString()). */
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/, { message: 'not an ISO time' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'use the date form YYYY-MM-DD' });
/** A guide's item, factor or scale id. */
const guideRef = requiredText(80);
const languageCode = z.string().max(35).regex(languageCodePattern, { message: 'not a language code' });
/** JSON kept as text, byte for byte (frozen revisions, issued files): checked to be JSON, never rewritten. */
const jsonText = (max: number) =>
  text(max).refine(
    (value) => {
      try {
        JSON.parse(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not valid JSON' },
  );

export const unitRecord = z
  .object({
    id,
    name: requiredText(400),
    address: text(600),
    description: text(10_000),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const clientRecord = z
  .object({
    id,
    name: requiredText(400),
    orgNumber: z.string().regex(/^\d{9}$/, { message: 'an organisation number has nine digits' }).nullable(),
    naceCode: text(10).nullable(),
    address: text(600),
    postalCode: text(40),
    city: text(200),
    contactName: text(400),
    contactEmail: text(400),
    contactPhone: text(100),
    notes: text(10_000),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

/** A client with the units its packaged assessments may refer to. */
export const clientPart = z.object({ client: clientRecord, units: z.array(unitRecord).max(10_000) }).strict();

export const answerRecord = z
  .object({ itemId: guideRef, answer: answerSchema(), followUp: z.boolean(), updatedAt: timestamp })
  .strict();

export const noteRecord = z
  .object({
    id,
    factorId: guideRef,
    kind: z.enum(['note', 'quote']),
    text: requiredText(10_000),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

/** One survey respondent's answers: item id → scale value, or null for "not applicable". Never a name. */
export const surveyAnswers = z.record(guideRef, z.number().int().min(1).max(10).nullable());

export const surveyResponseRecord = z
  .object({
    id,
    /** The respondent's place in the imported file (1 = first data row), for tracing a value back. */
    position: z.number().int().min(1).max(10_000_000),
    language: languageCode.nullable(),
    answeredOn: date.nullable(),
    answers: surveyAnswers,
  })
  .strict();

export const participantCountsRecord = z.partialRecord(z.enum(participantRoles), z.number().int().min(0).max(100_000));

export const interviewRecord = z
  .object({
    id,
    groupName: requiredText(400),
    kind: z.enum(interviewKinds),
    respondentRole: z.enum(respondentRoles).optional().default('employees'),
    respondentLanguage: languageCode,
    languages: z.array(languageCode).max(50),
    interpreterUsed: z.boolean(),
    expectedParticipants: z.number().int().min(0).max(100_000),
    participants: participantCountsRecord,
    plannedAt: date.nullable(),
    status: z.enum(interviewStatuses),
    currentItemId: guideRef.nullable(),
    startedAt: timestamp.nullable(),
    completedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** The answer mode chosen at the start; absent in packages from before. */
    answerMode: z.enum(answerModes).nullable().default(null),
    /** When it was held (local day and HH:MM times) and whether the consultant set them; absent in packages from before. */
    heldOn: date.nullable().default(null),
    heldFrom: z.string().regex(/^\d{2}:\d{2}$/).nullable().default(null),
    heldUntil: z.string().regex(/^\d{2}:\d{2}$/).nullable().default(null),
    heldEdited: z.boolean().default(false),
    answers: z.array(answerRecord).max(10_000),
    notes: z.array(noteRecord).max(10_000),
    surveyResponses: z.array(surveyResponseRecord).max(200_000),
  })
  .strict();

export const findingRecord = z
  .object({
    id,
    title: requiredText(400),
    factorIds: z.array(guideRef).max(200),
    hazard: text(20_000),
    causes: text(20_000),
    exposed: text(20_000),
    existingMeasures: text(20_000),
    likelihood: z.number().int().min(1).max(5).nullable(),
    consequence: z.number().int().min(1).max(5).nullable(),
    matrixSize: z.number().int().min(3).max(5).nullable(),
    level: z.enum(riskLevels).nullable(),
    justification: text(20_000),
    origin: z.enum(['proposed', 'manual']),
    status: z.enum(findingStatuses),
    dismissalReason: text(20_000).nullable(),
    needsReview: z.boolean(),
    number: z.number().int().min(1).max(1_000_000).nullable().default(null),
    residualLikelihood: z.number().int().min(1).max(5).nullable().default(null),
    residualConsequence: z.number().int().min(1).max(5).nullable().default(null),
    residualLevel: z.enum(riskLevels).nullable().default(null),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const measureRecord = z
  .object({
    id,
    findingId: id.nullable(),
    title: requiredText(400),
    rationale: text(20_000),
    responsibleRole: z.enum(responsibleRoles),
    deadline: date.nullable(),
    priority: z.enum(measurePriorities),
    status: z.enum(measureStatuses),
    dropReason: text(20_000).nullable(),
    agreedBy: z.array(z.enum(responsibleRoles)).max(20),
    responsibleName: text(2_000).default(''),
    agreedOn: date.nullable().default(null),
    number: z.number().int().min(1).max(1_000_000).nullable().default(null),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const revisionRecord = z
  .object({
    id,
    number: z.number().int().min(1).max(100_000),
    frozenAt: timestamp,
    /** The frozen snapshot exactly as it was stored. */
    snapshot: jsonText(50_000_000),
  })
  .strict();

export const issuedReportRecord = z
  .object({
    id,
    revision: z.number().int().min(1).max(100_000),
    templateId: requiredText(200),
    templateVersion: requiredText(40),
    language: languageCode,
    /** The issued files' names and SHA-256, exactly as stored. */
    files: jsonText(100_000),
    issuedAt: timestamp,
  })
  .strict();

export const assessmentRecord = z
  .object({
    id,
    clientId: id,
    unitId: id.nullable(),
    title: requiredText(400),
    mandate: text(20_000),
    method: z.enum(assessmentMethods),
    consultant: text(400),
    plannedStart: date.nullable(),
    plannedEnd: date.nullable(),
    guideId: guideRef,
    guideVersion: requiredText(20),
    // Packages written before modules existed have none: their assessments ask every item.
    modules: z.array(guideRef).max(1000).optional().default([]),
    minGroupSize: z.number().int().min(3).max(1000),
    status: z.enum(assessmentStatuses),
    revision: z.number().int().min(1).max(100_000),
    priorAssessmentId: id.nullable(),
    followUpDate: date.nullable(),
    conclusions: text(20_000).default(''),
    noResultsReason: text(20_000).default(''),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** Items the consultant marked for a private round; absent in packages from before. */
    sensitiveItemIds: z.array(guideRef).max(500).default([]),
  })
  .strict();

/** One assessment with everything that belongs to it. */
export const assessmentPart = z
  .object({
    assessment: assessmentRecord,
    interviews: z.array(interviewRecord).max(10_000),
    findings: z.array(findingRecord).max(10_000),
    measures: z.array(measureRecord).max(10_000),
    revisions: z.array(revisionRecord).max(10_000),
    issuedReports: z.array(issuedReportRecord).max(10_000),
  })
  .strict();

export type UnitRecord = z.infer<typeof unitRecord>;
export type ClientRecord = z.infer<typeof clientRecord>;
export type ClientPart = z.infer<typeof clientPart>;
export type AnswerRecord = z.infer<typeof answerRecord>;
export type NoteRecord = z.infer<typeof noteRecord>;
export type SurveyAnswers = z.infer<typeof surveyAnswers>;
export type SurveyResponseRecord = z.infer<typeof surveyResponseRecord>;
export type InterviewRecord = z.infer<typeof interviewRecord>;
export type FindingRecord = z.infer<typeof findingRecord>;
export type MeasureRecord = z.infer<typeof measureRecord>;
export type RevisionRecord = z.infer<typeof revisionRecord>;
export type IssuedReportRecord = z.infer<typeof issuedReportRecord>;
export type AssessmentRecord = z.infer<typeof assessmentRecord>;
export type AssessmentPart = z.infer<typeof assessmentPart>;

/** A guide as the package carries it: the guide file's text, so the receiver can install it. */
export interface PackagedGuide {
  id: string;
  version: string;
  content: string;
}

/** What a package holds once read, checked and upgraded to the current format. */
export interface PackageContent {
  createdAt: string;
  createdBy: { app: string; version: string };
  guides: PackagedGuide[];
  clients: ClientPart[];
  assessments: AssessmentPart[];
}
