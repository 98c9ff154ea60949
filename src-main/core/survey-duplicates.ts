// Whether a survey file is one already imported into an assessment: the same file, or the same rows.
export interface SurveyRowContent {
  language: string | null;
  answeredOn: string | null;
  answers: Readonly<Record<string, unknown>>;
}

/** A respondent's row as a comparable key: language, date and answers, whatever the column order or
 * file format (CSV or XLSX of the same export give the same keys). The group is left out: the same
 * people imported again under another default group are still the same people. */
export function surveyRowKey(row: SurveyRowContent): string {
  const answers = Object.keys(row.answers)
    .sort()
    .map((item) => [item, row.answers[item]]);
  return JSON.stringify([row.language, row.answeredOn, answers]);
}

export interface EarlierSurveyImport {
  importId: string;
  fileName: string;
  importedAt: string;
  sha256: string;
  rowKeys: readonly string[];
}

export interface DuplicateImport {
  importId: string;
  fileName: string;
  importedAt: string;
  /** The same bytes, or the same respondents in another file (a CSV saved again as XLSX, a later
   * export that still holds the earlier rows). */
  reason: 'sameFile' | 'sameRows';
  /** Rows of the new file that are already in the earlier import. */
  sharedRows: number;
}

/** Below this many rows, rows alike are likely different people who answered alike; such small
 * files are matched by their content hash only. */
export const fewestRowsToMatch = 3;

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function sharedCount(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  for (const [key, n] of a) shared += Math.min(n, b.get(key) ?? 0);
  return shared;
}

/**
 * The earlier imports a new file repeats: the same content hash, or rows such that all of the
 * earlier import's rows are in the new file, or all of the new file's rows are in the earlier one
 * (counted with repeats, and only when the contained side has at least `fewestRowsToMatch` rows).
 */
export function findDuplicateImports(sha256: string, rowKeys: readonly string[], earlier: readonly EarlierSurveyImport[]): DuplicateImport[] {
  const fresh = countKeys(rowKeys);
  return earlier.flatMap((batch): DuplicateImport[] => {
    const shared = sharedCount(fresh, countKeys(batch.rowKeys));
    const base = { importId: batch.importId, fileName: batch.fileName, importedAt: batch.importedAt, sharedRows: shared };
    if (batch.sha256 === sha256) return [{ ...base, reason: 'sameFile' }];
    const contained = (size: number) => size >= fewestRowsToMatch && shared === size;
    return contained(batch.rowKeys.length) || contained(rowKeys.length) ? [{ ...base, reason: 'sameRows' }] : [];
  });
}

/** A survey import as listed for the consultant: the file, when, and whom it brought in. */
export interface SurveyImportBatch {
  id: string;
  fileName: string;
  importedAt: string;
  respondents: number;
  groups: { group: string; respondents: number }[];
}
