// Handlers for packages, survey files, results export and the prior assessment: files in and out as
// base64, every import previewed first and written in one transaction after a backup.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { Guide } from '../../core/guide';
import type { NotedCell, SurveyReading } from '../../core/survey-mapping';
import type { PackageImportResult } from '../../core/transfer-preview';
import { insertAssessment, listAssessments, setAssessmentStatus, touchAssessment } from '../../db/assessments-repo';
import { recordImport } from '../../db/imports-repo';
import { nowIso } from '../../db/rows';
import { readSettings } from '../../db/settings-repo';
import { saveColumnMappings } from '../../db/survey-repo';
import { bytesSha256, packageFileExtension } from '../../transfer/package-format';
import { applyPlan, checkChoices, plannedWrites, type ImportChoices } from '../../transfer/package-import';
import { planImport } from '../../transfer/package-plan';
import { readPackage } from '../../transfer/package-reader';
import { collectPackage, writePackage } from '../../transfer/package-writer';
import { resultsCsv, resultsTable, resultsXlsx } from '../../transfer/results-export';
import {
  dateRange,
  duplicateImportError,
  duplicateImports,
  groupRespondents,
  listSurveyBatches,
  mappingsToRemember,
  readSurvey,
  undoSurveyImport,
  writeSurveyGroups,
} from '../../transfer/survey-import';
import { surveyFormsQuestions, surveyTemplateCsv, surveyTemplateXlsx } from '../../transfer/survey-template';
import { callSteps } from '../call-steps';
import type { ApiContext } from '../context';
import { maxListedRejections, type ExportedFile, type transferMethods } from '../methods/transfer';
import type { Handlers } from '../registry';
import { checkReferences } from './assessments';
import { assessmentGuide, requireAssessment, requireGuide } from './lookups';
import { resultsHandlers } from './results';

function decode(contentBase64: string): Uint8Array {
  return Buffer.from(contentBase64, 'base64');
}

/** Language cells that named no language, each listed; the respondents of valid rows among them are imported with the language unknown. */
function languageNotes(reading: SurveyReading | null): { noted: NotedCell[]; notedTotal: number; languageUnknown: number } {
  if (!reading) return { noted: [], notedTotal: 0, languageUnknown: 0 };
  const unknown = new Set(reading.noted.map((cell) => cell.row));
  const languageUnknown = reading.respondents.filter((respondent) => unknown.has(respondent.row)).length;
  return { noted: reading.noted.slice(0, maxListedRejections), notedTotal: reading.noted.length, languageUnknown };
}

function exported(fileName: string, mimeType: string, bytes: Uint8Array): ExportedFile {
  return { fileName, mimeType, contentBase64: Buffer.from(bytes).toString('base64'), bytes: bytes.length, sha256: bytesSha256(bytes) };
}

/** A file name from a title: ASCII letters and digits, æøå spelled out, the rest as hyphens. */
export function fileNamePart(text: string): string {
  const spelled = text.toLocaleLowerCase('nb').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
  const ascii = spelled.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'kartlegg';
}

function guideFor(context: ApiContext, ref: { assessmentId: string } | { guideId: string; guideVersion: string }): Guide {
  return 'assessmentId' in ref ? assessmentGuide(context, requireAssessment(context.db, ref.assessmentId)) : requireGuide(context, ref.guideId, ref.guideVersion);
}

export const transferHandlers: Handlers<keyof typeof transferMethods> = {
  'transfer.exportPackage': async ({ assessmentIds, passphrase }, context) => {
    const step = callSteps(context, ['preparing', 'encrypting']);
    step('preparing', { cancellable: true });
    const now = nowIso();
    const content = collectPackage({ db: context.db, guide: (id, version) => context.guides().get(id, version), appVersion: context.version }, assessmentIds, now);
    await context.checkCancelled();
    // Exporting writes nothing here (the file goes back to the caller), so it can stop at any point.
    step('encrypting', { cancellable: true });
    const bytes = await writePackage(content, passphrase);
    await context.checkCancelled();
    const clients = content.clients.map((part) => part.client.name);
    const name = `${clients.length === 1 ? fileNamePart(clients[0]) : 'kartlegg'}-${now.slice(0, 10)}${packageFileExtension}`;
    return exported(name, 'application/octet-stream', bytes);
  },

  'transfer.previewPackage': async ({ fileName, contentBase64, passphrase }, context) => {
    const read = await readPackage(decode(contentBase64), passphrase);
    const plan = planImport(context.db, context.guides(), read.content);
    return {
      fileName,
      sha256: read.sha256,
      formatVersion: read.formatVersion,
      upgraded: read.formatVersion < 1,
      encrypted: read.encrypted,
      createdAt: read.content.createdAt,
      createdBy: read.content.createdBy,
      ...plan.preview,
    };
  },

  'transfer.importPackage': async (input, context) => {
    const step = callSteps(context, ['reading', 'backup', 'writing']);
    step('reading', { cancellable: true });
    const read = await readPackage(decode(input.contentBase64), input.passphrase);
    if (input.expectedSha256 && input.expectedSha256 !== read.sha256) {
      throw new AppError('conflict', 'This is not the file that was previewed. Preview it again before importing.');
    }
    const choices: ImportChoices = { clients: input.clientChoices, assessments: input.assessmentChoices, installGuides: input.installGuides };
    const plan = planImport(context.db, context.guides(), read.content);
    checkChoices(plan, choices);
    const counts = { added: 0, replaced: 0, copied: 0, unchanged: 0, keptMine: 0, installedGuides: [], assessmentIds: [] };
    if (!plannedWrites(plan, choices)) {
      const unchanged = plan.assessments.filter((a) => a.preview.status !== 'conflict').length;
      return { ...counts, changed: false, unchanged, keptMine: plan.assessments.length - unchanged, backup: null, assessmentIds: plan.assessments.map((a) => a.part.assessment.id) };
    }
    // The last moment to stop: the backup and the transaction follow.
    await context.checkCancelled();
    step('backup');
    const backup = (await context.dataStore.backup('before-import')).name;
    step('writing');
    const db = context.db;
    const applied = db.transaction(() => {
      // Planned again inside the transaction, so that what is written is what the database holds now.
      const fresh = planImport(db, context.guides(), read.content);
      checkChoices(fresh, choices);
      const now = nowIso();
      const result = applyPlan(db, fresh, choices, now, randomUUID);
      const { assessmentIds: _ids, ...summary } = result;
      recordImport(db, 'package', input.fileName, read.sha256, { formatVersion: read.formatVersion, ...summary }, now);
      return result;
    })();
    if (applied.installedGuides.length > 0) await context.reloadGuides();
    return { ...applied, changed: true, backup } satisfies PackageImportResult;
  },

  'transfer.exportResults': async ({ assessmentId, format, language }, context) => {
    const assessment = requireAssessment(context.db, assessmentId);
    const results = await resultsHandlers['results.get']({ assessmentId }, context);
    const table = resultsTable(assessmentGuide(context, assessment), results, language);
    const base = `${fileNamePart(assessment.title)}-${language === 'nb' ? 'resultater' : 'results'}`;
    return format === 'csv'
      ? exported(`${base}.csv`, 'text/csv', resultsCsv(table, language))
      : exported(`${base}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await resultsXlsx(table, language));
  },

  'surveys.preview': async ({ fileName, contentBase64, guide: ref, targets, sheet }, context) => {
    const guide = guideFor(context, ref);
    const bytes = decode(contentBase64);
    const { file, columns, problems, reading } = await readSurvey(context.db, guide, bytes, targets, sheet);
    const respondents = reading?.respondents ?? [];
    const groups = new Map<string | null, number>();
    for (const respondent of respondents) groups.set(respondent.group || null, (groups.get(respondent.group || null) ?? 0) + 1);
    const range = dateRange(respondents);
    return {
      fileName,
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      sheetName: file.sheetName,
      sheetNames: file.sheetNames,
      guideId: guide.id,
      guideVersion: guide.version,
      columns,
      mappingProblems: problems,
      rowCount: reading ? file.table.rows.length - reading.emptyRows : 0,
      validRows: respondents.length,
      rowsWithProblems: reading?.rowsWithProblems ?? 0,
      emptyRows: reading?.emptyRows ?? 0,
      rejected: (reading?.rejected ?? []).slice(0, maxListedRejections),
      rejectedTotal: reading?.rejected.length ?? 0,
      ...languageNotes(reading),
      groups: [...groups].map(([group, count]) => ({ group, respondents: count })),
      languages: [...new Set(respondents.map((r) => r.language).filter((l): l is string => l !== null))].sort(),
      firstDate: range.first,
      lastDate: range.last,
      duplicates: 'assessmentId' in ref ? duplicateImports(context.db, ref.assessmentId, bytesSha256(bytes), respondents) : [],
    };
  },

  'surveys.import': async (input, context) => {
    const { db } = context;
    const { destination } = input;
    const step = callSteps(context, ['reading', 'backup', 'writing']);
    step('reading', { cancellable: true });
    const guide =
      destination.kind === 'new'
        ? requireGuide(context, destination.guideId, destination.guideVersion)
        : assessmentGuide(context, requireAssessment(db, destination.assessmentId));
    const bytes = decode(input.contentBase64);
    const { columns, problems, reading } = await readSurvey(db, guide, bytes, input.targets, input.sheet);
    if (!reading) {
      throw new AppError(
        'invalid_input',
        'The column mapping must be fixed first: every item at most once, and at least one column mapped to an item.',
        problems.map((problem) => ({ path: 'targets', message: problem.kind, key: `mapping.${problem.kind}` })),
      );
    }
    if (reading.rejected.length > 0 && !input.onlyValidRows) {
      throw new AppError(
        'conflict',
        `${reading.rowsWithProblems} row${reading.rowsWithProblems === 1 ? ' has' : 's have'} rejected cells. Import only the valid rows, or nothing.`,
        [{ path: 'onlyValidRows', message: 'some rows have rejected cells', key: 'rejectedCells' }],
      );
    }
    if (reading.respondents.length === 0) {
      throw new AppError('invalid_input', 'The file has no valid rows to import.', [{ path: 'file', message: 'no valid rows', key: 'noValidRows' }]);
    }
    const groups = groupRespondents(reading.respondents, input.defaultGroup.trim());
    const range = dateRange(reading.respondents);
    const newAssessment =
      destination.kind === 'new'
        ? {
            clientId: destination.clientId,
            unitId: destination.unitId,
            title: destination.title,
            mandate: '',
            method: 'survey' as const,
            consultant: '',
            plannedStart: range.first,
            plannedEnd: range.last,
            guideId: guide.id,
            guideVersion: guide.version,
            // A survey's columns may answer any item, so a new assessment asks every module.
            modules: (guide.modules ?? []).map((module) => module.id),
            minGroupSize: destination.minGroupSize ?? readSettings(db).minGroupSize,
            priorAssessmentId: null,
            followUpDate: null,
            conclusions: '',
            noResultsReason: '',
          }
        : null;
    if (newAssessment) checkReferences(context, newAssessment);
    const sha256 = bytesSha256(bytes);
    const duplicates = destination.kind === 'existing' ? duplicateImports(db, destination.assessmentId, sha256, reading.respondents) : [];
    if (duplicates.length > 0 && !input.replaceEarlier) throw duplicateImportError(duplicates);
    // The last moment to stop: the backup and the transaction follow.
    await context.checkCancelled();
    step('backup');
    const backup = (await context.dataStore.backup('before-import')).name;
    step('writing');
    return db.transaction(() => {
      const now = nowIso();
      let assessmentId: string;
      if (destination.kind === 'new') {
        assessmentId = insertAssessment(db, newAssessment!, now);
        // A finished survey is a finished mapping: ready to compare with, not to interview.
        setAssessmentStatus(db, assessmentId, 'completed', now);
      } else {
        assessmentId = destination.assessmentId;
        touchAssessment(db, assessmentId, now);
      }
      // Replacing: the earlier imports this file repeats go first, in the same transaction.
      const replacedRespondents = duplicates.reduce((sum, duplicate) => sum + undoSurveyImport(db, duplicate.importId, now).respondents, 0);
      const summary = { assessmentId, respondents: reading.respondents.length, interviews: groups.size };
      const importId = recordImport(db, 'survey', input.fileName, sha256, summary, now, assessmentId);
      const interviews = writeSurveyGroups(db, assessmentId, groups, now, importId);
      if (input.rememberMapping) saveColumnMappings(db, guide.id, mappingsToRemember(columns), now);
      return {
        importId,
        replacedRespondents,
        assessmentId,
        created: destination.kind === 'new',
        interviews,
        respondents: reading.respondents.length,
        leftOut: reading.rowsWithProblems,
        languageUnknown: languageNotes(reading).languageUnknown,
        backup,
      };
    })();
  },

  'surveys.imports': ({ assessmentId }, { db }) => {
    requireAssessment(db, assessmentId);
    return listSurveyBatches(db, assessmentId);
  },

  'surveys.undoImport': async ({ importId }, context) => {
    const { db } = context;
    const backup = (await context.dataStore.backup('before-import')).name;
    return db.transaction(() => {
      const now = nowIso();
      const undone = undoSurveyImport(db, importId, now);
      touchAssessment(db, undone.assessmentId, now);
      return { ...undone, backup };
    })();
  },

  'surveys.template': async ({ guide: ref, format }, context) => {
    const guide = guideFor(context, ref);
    const base = `${fileNamePart(guide.id)}-${fileNamePart(guide.version)}-sporreskjema`;
    if (format === 'csv') return exported(`${base}.csv`, 'text/csv', surveyTemplateCsv(guide));
    if (format === 'forms') return exported(`${base}-forms.txt`, 'text/plain', surveyFormsQuestions(guide));
    return exported(`${base}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await surveyTemplateXlsx(guide));
  },

  'assessments.suggestPrior': ({ assessmentId }, { db }) => {
    const assessment = requireAssessment(db, assessmentId);
    const when = (a: { plannedStart: string | null; createdAt: string }) => a.plannedStart ?? a.createdAt;
    const candidates = listAssessments(db, { clientId: assessment.clientId, limit: 10_000 }).filter((other) => other.id !== assessment.id);
    // listAssessments gives the newest first, so the first earlier one with the same guide is the latest.
    const suggestion = candidates.find((other) => other.guideId === assessment.guideId && when(other) < when(assessment)) ?? null;
    return { suggestion, candidates };
  },
};
