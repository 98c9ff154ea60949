// API contract for reports: the templates, a preview as a document model, exporting an issued revision as DOCX
// and PDF, the list of issued reports and downloading their files.
import { z } from 'zod';
import { reportFormats, type IssuedReport } from '../../core/issued-reports';
import { languageCodePattern } from '../../core/languages';
import type { ReplacedCharacter, ReportDocument } from '../../reports/model';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { uuid } from '../fields';

export interface ReportTemplateSummary {
  id: string;
  version: string;
  name: { nb: string; en: string };
  description: { nb: string; en: string } | null;
  kind: 'formal' | 'actionPlan' | 'employeeSummary' | 'other';
  /** The first is the default; "draft" until a qualified translator has checked the texts. */
  languages: { code: string; status: 'draft' | 'reviewed' }[];
}

export interface TemplateProblemView {
  /** The file the problem is in. */
  source: string;
  /** Where in the template, e.g. "sections[2].blocks[0].text.ar". */
  path: string;
  message: string;
}

export interface ReportTemplateList {
  templates: ReportTemplateSummary[];
  /** Every problem of the templates that could not be loaded; those are not offered. */
  problems: TemplateProblemView[];
}

export interface ReportPreview {
  templateId: string;
  templateVersion: string;
  language: string;
  revision: number;
  /** True when the preview shows changes not yet issued. */
  draft: boolean;
  document: ReportDocument;
}

export interface ReportDownload {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  contentBase64: string;
}

/** Characters no report font has, replaced in the file by their code (e.g. "[U+1FAE8]"): the
 * consultant is told, so nothing changes without a word. */
export interface ReplacedCharacters {
  replacedCharacters: ReplacedCharacter[];
}

export type ExportedReport = IssuedReport & ReplacedCharacters;
export type DraftDownload = ReportDownload & ReplacedCharacters;

const templateId = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'not a template id' }),
);
const language = lazySchema(() => z.string().max(20).regex(languageCodePattern, { message: 'not a language code' }));
const revision = lazySchema(() => z.number().int().min(1).max(100_000));

export const reportMethods = {
  'reports.templates': method<ReportTemplateList>()({
    summary: 'The report templates that can be used, and every problem of those that cannot (file, path, what is wrong).',
    input: () => z.object({}).strict(),
  }),
  'reports.preview': method<ReportPreview>()({
    summary:
      'The document model the template makes of the assessment, for the preview: the issued revision while nothing changed ' +
      'since, otherwise the current state marked as a draft. Suppression applies as in the files.',
    input: () => z.object({ assessmentId: uuid, templateId: templateId(), language: language().optional() }).strict(),
  }),
  'reports.export': method<ExportedReport>()({
    summary:
      'Renders the report as DOCX and/or PDF from an issued revision (without `revision`: the current one), writes the files ' +
      'to the reports folder of the data folder, and records them with their SHA-256. It never issues: a revision not yet ' +
      'issued is refused (issue it with `revisions.issue`, which checks the issuing checklist; or make a draft with `reports.draft`). ' +
      '`replacedCharacters` lists characters no report font has, shown in the files as their code (e.g. "[U+1FAE8]").',
    input: () => z
      .object({
        assessmentId: uuid,
        templateId: templateId(),
        formats: z
          .array(z.enum(reportFormats))
          .min(1, { message: 'choose at least one format' })
          .max(reportFormats.length)
          .refine((formats) => new Set(formats).size === formats.length, { message: 'a format is listed twice' }),
        language: language().optional(),
        revision: revision().optional(),
      })
      .strict(),
  }),
  'reports.draft': method<DraftDownload>()({
    summary:
      'A draft of the report as the assessment stands now, in one format, marked "UTKAST" (DRAFT) on every page. ' +
      'Nothing is issued, written or recorded: the status and the revision stay as they are.',
    input: () => z.object({ assessmentId: uuid, templateId: templateId(), format: z.enum(reportFormats), language: language().optional() }).strict(),
  }),
  'reports.list': method<IssuedReport[]>()({
    summary: "The assessment's issued reports, newest first, with the SHA-256 of each file.",
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'reports.download': method<ReportDownload>()({
    summary: "An issued report's file as base64, with its file name; refused if the file is gone or no longer matches its SHA-256.",
    input: () => z.object({ reportId: uuid, format: z.enum(reportFormats) }).strict(),
  }),
};
