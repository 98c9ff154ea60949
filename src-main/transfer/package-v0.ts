// Format version 0, the first package layout (one data.json; answers only as consensus; no survey
// respondents, issued reports or finding levels), and its upgrade to the current records.
import { z } from 'zod';
import {
  assessmentRecord,
  clientRecord,
  findingRecord,
  interviewRecord,
  measureRecord,
  revisionRecord,
  unitRecord,
  type AssessmentPart,
  type PackageContent,
} from '../core/package-records';
import { packageFormat } from './package-format';

export const dataPathV0 = 'data.json';

export const manifestV0 = z
  .object({
    format: z.literal(packageFormat),
    formatVersion: z.literal(0),
    exportedAt: z.string().max(40),
    app: z.string().max(40),
    files: z.array(z.object({ name: z.literal(dataPathV0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).length(1),
  })
  .strict();

const answerV0 = z
  .object({
    itemId: z.string().min(1).max(80),
    /** null: "not applicable". */
    value: z.number().int().min(1).max(10).nullable(),
    participants: z.number().int().min(1).max(500),
    followUp: z.boolean(),
    updatedAt: interviewRecord.shape.updatedAt,
  })
  .strict();

const interviewV0 = interviewRecord.omit({ answers: true, surveyResponses: true }).extend({ answers: z.array(answerV0).max(10_000) }).strict();

const assessmentV0 = assessmentRecord
  .extend({
    interviews: z.array(interviewV0).max(10_000),
    findings: z.array(findingRecord.omit({ level: true }).strict()).max(10_000),
    measures: z.array(measureRecord).max(10_000),
    revisions: z.array(revisionRecord).max(10_000),
  })
  .strict();

export const dataV0 = z
  .object({
    guides: z.array(z.object({ id: z.string().max(80), version: z.string().max(20), json: z.string().max(6 * 1024 * 1024) }).strict()).max(100),
    clients: z.array(clientRecord.extend({ units: z.array(unitRecord).max(10_000) }).strict()).max(10_000),
    assessments: z.array(assessmentV0).max(10_000),
  })
  .strict();

export type ManifestV0 = z.infer<typeof manifestV0>;
export type DataV0 = z.infer<typeof dataV0>;

export function upgradeV0(manifest: ManifestV0, data: DataV0): PackageContent {
  return {
    createdAt: manifest.exportedAt,
    createdBy: { app: 'Kartlegg', version: manifest.app },
    guides: data.guides.map((guide) => ({ id: guide.id, version: guide.version, content: guide.json })),
    clients: data.clients.map(({ units, ...client }) => ({ client, units })),
    assessments: data.assessments.map(({ interviews, findings, measures, revisions, ...assessment }): AssessmentPart => ({
      assessment,
      interviews: interviews.map((interview) => ({
        ...interview,
        answers: interview.answers.map(({ itemId, value, participants, followUp, updatedAt }) => ({
          itemId,
          answer: value === null ? { kind: 'notApplicable' as const } : { kind: 'consensus' as const, value, participants },
          followUp,
          updatedAt,
        })),
        surveyResponses: [],
      })),
      findings: findings.map((finding) => ({ ...finding, level: null })),
      measures,
      revisions,
      issuedReports: [],
    })),
  };
}
