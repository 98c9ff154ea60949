// API contract for moving data in and out: assessment packages, survey results from CSV/XLSX, aggregated
// scores as CSV/XLSX, and the link to a prior assessment. Files travel as base64, so browser mode works too.
import { z } from 'zod';
import type { AssessmentSummary } from '../../core/assessments';
import type { DuplicateImport, SurveyImportBatch } from '../../core/survey-duplicates';
import type { HeadingSuggestion } from '../../core/survey-headings';
import type { ColumnTarget, MappingProblem, NotedCell, RejectedCell, TargetSource } from '../../core/survey-mapping';
import { assessmentChoices, clientChoices, type PackageImportResult, type PackagePreview } from '../../core/transfer-preview';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { requiredText, uuid } from '../fields';

/** Files up to 25 MB; in browser mode the request limit (20 MB) stops a file of more than about 14 MB first. */
export const maxTransferFileBytes = 25 * 1024 * 1024;
const base64File = lazySchema(() =>
  z
    .string()
    .max(Math.ceil(maxTransferFileBytes / 3) * 4, { message: 'the file is larger than 25 MB' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'not base64' }),
);

const fileName = lazySchema(() => requiredText(255));
const passphrase = lazySchema(() => z.string().min(1, { message: 'required' }).max(1024));
const choiceMap = <T extends readonly [string, ...string[]]>(choices: T) =>
  z.record(uuid, z.enum(choices)).refine((map) => Object.keys(map).length <= 10_000, { message: 'too many choices' });

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  bytes: number;
  sha256: string;
}

export const guideRefInput = lazySchema(() =>
  z.union([
    z.object({ assessmentId: uuid }).strict(),
    z.object({ guideId: requiredText(80), guideVersion: requiredText(20) }).strict(),
  ]),
);

export interface SurveyColumn {
  /** 1-based, as in the rejected cells. */
  index: number;
  letter: string;
  header: string;
  target: ColumnTarget;
  source: TargetSource;
  /** A close (not exact) match to an item with how sure it is (0–1): used only when sent back as this column's target. */
  suggestion: HeadingSuggestion | null;
  /** The first few values, to help the consultant recognise the column. */
  samples: string[];
}

export interface SurveyPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheetName: string | null;
  /** The workbook's sheets, to choose another; empty for CSV. */
  sheetNames: string[];
  guideId: string;
  guideVersion: string;
  columns: SurveyColumn[];
  mappingProblems: MappingProblem[];
  /** Data rows with something in them. */
  rowCount: number;
  validRows: number;
  rowsWithProblems: number;
  emptyRows: number;
  /** The first rejected cells (at most 1000); rejectedTotal counts them all. */
  rejected: RejectedCell[];
  rejectedTotal: number;
  /** Cells of valid rows that were not read (at most 1000): a language that does not exist leaves the respondent's language unknown. */
  noted: NotedCell[];
  notedTotal: number;
  /** Valid rows whose language cell named no known language: imported with the language unknown. */
  languageUnknown: number;
  /** Respondents per group among the valid rows; group null: rows without a group, which get the default group. */
  groups: { group: string | null; respondents: number }[];
  languages: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** Earlier imports into the chosen assessment that this file repeats (empty for a new assessment). */
  duplicates: DuplicateImport[];
}

export interface SurveyImportResult {
  /** The import batch, to list or undo as a whole. */
  importId: string;
  /** Respondents of earlier imports removed because this file replaced them. */
  replacedRespondents: number;
  assessmentId: string;
  created: boolean;
  interviews: number;
  respondents: number;
  /** Rows left out because of rejected cells. */
  leftOut: number;
  /** Respondents imported with their language unknown (the language cell named no language that exists). */
  languageUnknown: number;
  backup: string | null;
}

export interface SurveyUndoResult {
  assessmentId: string;
  interviews: number;
  respondents: number;
  backup: string | null;
}

export interface PriorSuggestion {
  /** The latest earlier assessment of the same client and guide, or null. */
  suggestion: AssessmentSummary | null;
  /** Every other assessment of the same client, newest first, to choose from. */
  candidates: AssessmentSummary[];
}

const uploadedFile = () => ({ fileName: fileName(), contentBase64: base64File() });
/** The preview lists at most this many rejected cells; the count covers them all. */
export const maxListedRejections = 1000;
const columnTargets = lazySchema(() => z.array(z.string().max(90)).max(1000));
/** A workbook's sheet by name; without it, the first sheet whose headings map to the guide. */
const sheetName = lazySchema(() => z.string().min(1).max(200).optional());

export const transferMethods = {
  'transfer.exportPackage': method<ExportedFile>()({
    summary:
      'Writes the assessments (with client, units, interviews, answers, notes, findings, measures, revisions, issued-report ' +
      'records and their guides) as a package file, encrypted with AES-256-GCM when a passphrase is given.',
    input: () => z
      .object({
        assessmentIds: z.array(uuid).min(1, { message: 'choose at least one assessment' }).max(1000),
        passphrase: z.string().min(8, { message: 'at least 8 characters' }).max(1024).optional(),
      })
      .strict(),
  }),
  'transfer.previewPackage': method<PackagePreview>()({
    summary: 'Reads a package and says what importing it would do: what is new, already here, or in conflict. Writes nothing.',
    input: () => z.object({ ...uploadedFile(), passphrase: passphrase().optional() }).strict(),
  }),
  'transfer.importPackage': method<PackageImportResult>()({
    summary:
      'Imports a package in one transaction after a backup, with every conflict resolved: keep mine, take theirs, or keep both ' +
      '(the incoming assessment as a copy titled "(importert)"). Importing the same package again changes nothing.',
    input: () => z
      .object({
        ...uploadedFile(),
        passphrase: passphrase().optional(),
        /** The SHA-256 the preview gave, so that the file imported is the file previewed. */
        expectedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
        clientChoices: choiceMap(clientChoices).optional().default({}),
        assessmentChoices: choiceMap(assessmentChoices).optional().default({}),
        installGuides: z.boolean().optional().default(false),
      })
      .strict(),
  }),
  'transfer.exportResults': method<ExportedFile>()({
    summary:
      "An assessment's aggregated factor scores (total and per group, with the prior assessment's) as CSV or XLSX: exactly " +
      'what results.get shows; withheld results are empty cells marked "withheld". Never individual answers.',
    input: () => z.object({ assessmentId: uuid, format: z.enum(['csv', 'xlsx']), language: z.enum(['nb', 'en']).optional().default('nb') }).strict(),
  }),
  'surveys.preview': method<SurveyPreview>()({
    summary:
      "Reads a survey file (CSV or XLSX, one row per respondent) against a guide: each column's target (suggested, or as " +
      'given), and every rejected cell with its row, column and reason. Writes nothing.',
    input: () => z.object({ ...uploadedFile(), guide: guideRefInput(), targets: columnTargets().optional(), sheet: sheetName() }).strict(),
  }),
  'surveys.import': method<SurveyImportResult>()({
    summary:
      'Imports the valid rows of a survey file as respondents, one survey interview per group, into a new assessment or an ' +
      'existing one. Refused if any cell is rejected unless onlyValidRows is set.',
    input: () => z
      .object({
        ...uploadedFile(),
        sheet: sheetName(),
        targets: columnTargets(),
        destination: z.discriminatedUnion('kind', [
          z
            .object({
              kind: z.literal('new'),
              clientId: uuid,
              unitId: uuid.nullable().optional().default(null),
              title: requiredText(200),
              guideId: requiredText(80),
              guideVersion: requiredText(20),
              minGroupSize: z.number().int().min(3, { message: 'never below 3' }).max(50).optional(),
            })
            .strict(),
          z.object({ kind: z.literal('existing'), assessmentId: uuid }).strict(),
        ]),
        /** The group of rows without a group column or with an empty group cell. */
        defaultGroup: requiredText(200),
        onlyValidRows: z.boolean().optional().default(false),
        rememberMapping: z.boolean().optional().default(true),
        /** A file already imported into the assessment is refused unless this is set: then the earlier
         * imports it repeats are undone and this one written, in one transaction. */
        replaceEarlier: z.boolean().optional().default(false),
      })
      .strict(),
  }),
  'surveys.imports': method<SurveyImportBatch[]>()({
    summary: 'The survey imports into an assessment that have not been undone, oldest first, each with its groups and respondents.',
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
  'surveys.undoImport': method<SurveyUndoResult>()({
    summary: "Undoes a survey import as a whole: its interviews and respondents are removed, in one transaction after a backup.",
    input: () => z.object({ importId: uuid }).strict(),
  }),
  'surveys.template': method<ExportedFile>()({
    summary:
      "A survey to start from for a guide: a CSV or XLSX template whose headings map by themselves (item id and Norwegian text; " +
      'the XLSX explains the scales), or a question list to build the survey in Microsoft Forms or Google Forms.',
    input: () => z.object({ guide: guideRefInput(), format: z.enum(['csv', 'xlsx', 'forms']) }).strict(),
  }),
  'assessments.suggestPrior': method<PriorSuggestion>()({
    summary: 'The prior assessment to compare with: the latest earlier assessment of the same client and guide, and the other candidates.',
    input: () => z.object({ assessmentId: uuid }).strict(),
  }),
};
