// A survey file read against a guide with the consultant's column targets, and its respondents written
// as one survey interview per group (each respondent a row of its own, scored as a response set of one).
import { AppError } from '../core/errors';
import { noParticipants } from '../core/assessments';
import type { Guide } from '../core/guide';
import { foldHeading, isColumnTarget, suggestTargets, type HeadingSuggestion } from '../core/survey-headings';
import {
  columnLetter,
  cellText,
  mappingProblems,
  readRespondents,
  type ColumnTarget,
  type MappingProblem,
  type SurveyReading,
  type SurveyRespondent,
  type TargetSource,
} from '../core/survey-mapping';
import { normalizeGroupLabel } from '../core/group-label';
import { findDuplicateImports, surveyRowKey, type DuplicateImport, type SurveyImportBatch } from '../core/survey-duplicates';
import type { Db } from '../db/database';
import { findSurveyImport, listSurveyImports, markImportUndone } from '../db/imports-repo';
import { insertInterview, setInterviewProgress } from '../db/interviews-repo';
import {
  assignSurveyImport,
  deleteSurveyImportInterviews,
  insertSurveyResponses,
  loadColumnMappings,
  surveyImportGroups,
  surveyRowsOfImport,
} from '../db/survey-repo';
import { readSurveyFile, type SurveyFile } from './survey-file';

export interface SurveyColumnPlan {
  index: number;
  letter: string;
  header: string;
  target: ColumnTarget;
  source: TargetSource;
  /** A close match to an item, used only once the consultant confirms it (sends it as this column's target). */
  suggestion: HeadingSuggestion | null;
  samples: string[];
}

export interface ReadSurvey {
  file: SurveyFile;
  columns: SurveyColumnPlan[];
  problems: MappingProblem[];
  /** Null while the mapping has problems: nothing can be read until they are fixed. */
  reading: SurveyReading | null;
}

/**
 * Checks given targets (one per column) against the guide; without them, suggests targets. Of a workbook, reads
 * the named sheet, or else the first whose headings map to at least one item.
 */
export async function readSurvey(db: Db, guide: Guide, bytes: Uint8Array, given?: readonly string[], sheet?: string): Promise<ReadSurvey> {
  const saved = loadColumnMappings(db, guide.id);
  const mapsAnItem = (table: SurveyFile['table']) => suggestTargets(guide, table.headers, saved).some((entry) => entry.target.startsWith('item:'));
  const file = await readSurveyFile(bytes, { sheet, accept: mapsAnItem });
  const { headers, rows } = file.table;
  const suggested = suggestTargets(guide, headers, saved);
  given?.forEach((target, index) => {
    if (!isColumnTarget(guide, target)) {
      throw new AppError('invalid_input', `Column ${index + 1}: "${target}" is not a column target for this guide.`, [
        { path: `targets[${index}]`, message: 'not an item of the guide, group, language, date or ignore', key: 'unknownTarget' },
      ]);
    }
  });
  const targets = (given as ColumnTarget[] | undefined) ?? suggested.map((entry) => entry.target);
  const columns = headers.map((header, index) => {
    const target = targets[index] ?? 'ignore';
    const source: TargetSource = target === suggested[index].target ? suggested[index].source : 'chosen';
    return { index: index + 1, letter: columnLetter(index + 1), header, target, source, suggestion: suggested[index].suggestion, samples: samples(rows, index) };
  });
  const problems = mappingProblems(targets, headers.length);
  return { file, columns, problems, reading: problems.length ? null : readRespondents(guide, file.table, targets) };
}

function samples(rows: SurveyFile['table']['rows'], index: number): string[] {
  const found: string[] = [];
  for (const row of rows) {
    const text = cellText(row.cells[index] ?? null).trim();
    if (text !== '') found.push(text.slice(0, 80));
    if (found.length === 3) break;
  }
  return found;
}

/** How the columns were mapped, remembered by their folded heading for the next file with this guide. */
export function mappingsToRemember(columns: readonly SurveyColumnPlan[]): { header: string; target: string }[] {
  return columns.filter((column) => foldHeading(column.header) !== '').map((column) => ({ header: foldHeading(column.header), target: column.target }));
}

export function groupRespondents(respondents: readonly SurveyRespondent[], defaultGroup: string): Map<string, SurveyRespondent[]> {
  const groups = new Map<string, SurveyRespondent[]>();
  for (const respondent of respondents) {
    const name = normalizeGroupLabel(respondent.group || defaultGroup);
    groups.set(name, [...(groups.get(name) ?? []), respondent]);
  }
  return groups;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

export function dateRange(respondents: readonly SurveyRespondent[]): { first: string | null; last: string | null } {
  const dates = respondents.map((respondent) => respondent.answeredOn).filter((date): date is string => date !== null).sort();
  return { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null };
}

/** Call inside a transaction. One completed survey interview per group, all in the import batch
 * `importId`; returns how many interviews were made. */
export function writeSurveyGroups(
  db: Db,
  assessmentId: string,
  groups: ReadonlyMap<string, readonly SurveyRespondent[]>,
  now: string,
  importId: string,
): number {
  for (const [groupName, respondents] of groups) {
    const languages = [...new Set(respondents.map((r) => r.language).filter((language): language is string => language !== null))].sort();
    const interviewId = insertInterview(
      db,
      assessmentId,
      {
        groupName,
        kind: 'survey',
        respondentLanguage: mostCommon(respondents.map((r) => r.language).filter((l): l is string => l !== null)) ?? 'nb',
        languages,
        interpreterUsed: false,
        expectedParticipants: respondents.length,
        participants: { ...noParticipants, employee: respondents.length },
        plannedAt: dateRange(respondents).first,
      },
      now,
    );
    setInterviewProgress(db, interviewId, null, 'completed', now);
    assignSurveyImport(db, interviewId, importId);
    insertSurveyResponses(
      db,
      interviewId,
      respondents.map((respondent) => ({ position: respondent.row, language: respondent.language, answeredOn: respondent.answeredOn, answers: respondent.answers })),
    );
  }
  return groups.size;
}

/** The earlier imports into the assessment that a file repeats (the same file, or the same rows). */
export function duplicateImports(db: Db, assessmentId: string, sha256: string, respondents: readonly SurveyRespondent[]): DuplicateImport[] {
  const earlier = listSurveyImports(db, assessmentId).map((batch) => ({
    importId: batch.id,
    fileName: batch.fileName,
    importedAt: batch.importedAt,
    sha256: batch.sha256,
    rowKeys: surveyRowsOfImport(db, batch.id).map(surveyRowKey),
  }));
  return findDuplicateImports(sha256, respondents.map(surveyRowKey), earlier);
}

/** Refusal of a file already imported: counting its respondents twice could lift a small group over
 * the minimum group size and show it. */
export function duplicateImportError(duplicates: readonly DuplicateImport[]): AppError {
  const sameFile = duplicates.some((duplicate) => duplicate.reason === 'sameFile');
  const earlier = duplicates.map((duplicate) => `"${duplicate.fileName}" (${duplicate.importedAt.slice(0, 10)})`).join(', ');
  return new AppError(
    'conflict',
    `${sameFile ? 'This file was' : "This file's rows were"} already imported into the assessment: ${earlier}. Importing again would count ` +
      'each respondent twice. Replace the earlier import, or import nothing.',
    duplicates.map((duplicate) => ({ path: 'file', message: `${duplicate.reason}: ${duplicate.fileName}`, key: sameFile ? 'duplicateFile' : 'duplicateRows' })),
  );
}

export function listSurveyBatches(db: Db, assessmentId: string): SurveyImportBatch[] {
  return listSurveyImports(db, assessmentId).map((batch) => {
    const groups = surveyImportGroups(db, batch.id).map(({ group, respondents }) => ({ group, respondents }));
    return {
      id: batch.id,
      fileName: batch.fileName,
      importedAt: batch.importedAt,
      respondents: groups.reduce((sum, group) => sum + group.respondents, 0),
      groups,
    };
  });
}

/** Removes an import batch as a whole (its interviews and respondents) and marks it undone; call
 * inside a transaction. */
export function undoSurveyImport(db: Db, importId: string, now: string): { assessmentId: string; interviews: number; respondents: number } {
  const batch = findSurveyImport(db, importId);
  if (!batch || batch.assessmentId === null) {
    throw new AppError('not_found', 'No survey import with this id.', [{ path: 'importId', message: 'not a survey import', key: 'importNotFound' }]);
  }
  if (batch.undoneAt !== null) {
    throw new AppError('conflict', `This import was already undone (${batch.undoneAt.slice(0, 10)}).`, [
      { path: 'importId', message: 'already undone', key: 'importUndone' },
    ]);
  }
  const groups = surveyImportGroups(db, importId);
  deleteSurveyImportInterviews(db, importId);
  markImportUndone(db, importId, now);
  return { assessmentId: batch.assessmentId, interviews: groups.length, respondents: groups.reduce((sum, group) => sum + group.respondents, 0) };
}
