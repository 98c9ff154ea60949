// Survey results onto a guide: which column is which item (by item id, by item text in any of the
// guide's languages, or as the consultant mapped it), and each cell read as an answer or rejected with a reason.
import type { Guide, GuideScale } from './guide';
import { findLanguage } from './language-table';
import type { SurveyAnswers } from './package-records';
import { readDate, slashOrder, type CellValue } from './survey-dates';

export type { CellValue };

export interface SurveyRow {
  /** The row number the consultant sees in the spreadsheet (the header is row 1). */
  number: number;
  cells: CellValue[];
}

export interface SurveyTable {
  headers: string[];
  rows: SurveyRow[];
}

/** What a column holds: "ignore", "group", "language", "date" or "item:<item id>". */
export type ColumnTarget = 'ignore' | 'group' | 'language' | 'date' | `item:${string}`;
/** Where a column's target came from: remembered, matched, chosen by the consultant, or nothing matched. */
export type TargetSource = 'saved' | 'itemId' | 'itemText' | 'heading' | 'chosen' | 'none';

export const rejectReasons = [
  'notOnScale',
  'notWholeNumber',
  'unknownLabel',
  'ambiguousLabel',
  'tooLong',
  'wrongType',
  'unknownLanguage',
  'badDate',
  'noAnswers',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

export interface RejectedCell {
  row: number;
  /** 1-based column; 0 for a problem with the whole row. */
  column: number;
  header: string;
  value: string;
  reason: RejectReason;
}

export interface SurveyRespondent {
  row: number;
  group: string | null;
  language: string | null;
  answeredOn: string | null;
  answers: SurveyAnswers;
}

/** A cell that could not be read, in a row that is kept all the same: an unknown language leaves the language unknown. */
export interface NotedCell {
  row: number;
  column: number;
  header: string;
  value: string;
  reason: 'unknownLanguage';
}

export interface SurveyReading {
  /** Respondents from the rows without any rejected cell. */
  respondents: SurveyRespondent[];
  rejected: RejectedCell[];
  /** Cells of kept rows that were not read (a language that does not exist): the respondent counts, the language is unknown. */
  noted: NotedCell[];
  /** Rows left out because at least one of their cells was rejected. */
  rowsWithProblems: number;
  /** Wholly empty rows, skipped without a word (e.g. the blank lines at the end of a CSV file). */
  emptyRows: number;
}

export const maxCellLength = 1000;
export const maxGroupLength = 200;

export type MappingProblem = { kind: 'duplicateTarget'; target: ColumnTarget; columns: number[] } | { kind: 'noItems' } | { kind: 'wrongColumnCount' };

export function mappingProblems(targets: readonly ColumnTarget[], columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (targets.length !== columnCount) return [{ kind: 'wrongColumnCount' }];
  const columns = new Map<ColumnTarget, number[]>();
  targets.forEach((target, index) => {
    if (target === 'ignore') return;
    columns.set(target, [...(columns.get(target) ?? []), index + 1]);
  });
  for (const [target, list] of columns) if (list.length > 1) problems.push({ kind: 'duplicateTarget', target, columns: list });
  if (!targets.some((target) => target.startsWith('item:'))) problems.push({ kind: 'noItems' });
  return problems;
}

/**
 * "Not applicable" and "don't know" as survey tools write them, in the languages guides are translated into:
 * the item counts as not applicable.
 */
const notApplicableWords = new Set(
  [
    'ikke relevant', 'ikke aktuelt', 'i/r', 'n/a', 'na', 'not applicable', 'vet ikke', "don't know", 'dont know', 'do not know',
    'ikke svart', 'ønsker ikke å svare', 'prefer not to say', 'kan ikke svare',
    'nie wiem', 'nie dotyczy', // Polish
    'nežinau', 'netaikoma', 'neaktualu', // Lithuanian
    'nu știu', 'nu stiu', 'nu se aplică', 'nu se aplica', // Romanian
    'не знаю', 'не стосується', 'не застосовується', // Ukrainian
    'لا أعرف', 'لا اعرف', 'لا ينطبق', 'غير منطبق', // Arabic
    'ma garanayo', 'ma aqaan', 'khuseyn maaha', 'ma khuseeyo', // Somali
    'ኣይፈልጥን', 'ዘይምልከት', // Tigrinya
    'no sé', 'no se', 'no aplica', 'no procede', // Spanish
  ].map((word) => foldValue(word)),
);

/** Answers as people type them: case, spacing and punctuation around the words do not matter ("  Ofte. " is "ofte"). */
function foldValue(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .trim() || text.trim().toLocaleLowerCase('nb');
}

export interface ScaleReader {
  values: Set<number>;
  /** Folded label in any language → value; null when two different values share a label. */
  labels: Map<string, number | null>;
}

export function scaleReader(scale: GuideScale): ScaleReader {
  const labels = new Map<string, number | null>();
  for (const point of scale.points) {
    for (const label of Object.values(point.label)) {
      const key = foldValue(label);
      const known = labels.get(key);
      labels.set(key, known === undefined || known === point.value ? point.value : null);
    }
  }
  return { values: new Set(scale.points.map((point) => point.value)), labels };
}

type CellResult<T> = { ok: true; value: T } | { ok: false; reason: RejectReason };
const reject = <T>(reason: RejectReason): CellResult<T> => ({ ok: false, reason });
const accept = <T>(value: T): CellResult<T> => ({ ok: true, value });

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** A number and a label together ("3 - Ofte", "Ofte (3)"): the number counts when the label agrees with it or is not one we know. */
function numberedLabel(n: number, label: string, scale: ScaleReader): CellResult<number | null> {
  const folded = foldValue(label);
  if (notApplicableWords.has(folded)) return scale.values.has(n) ? reject('ambiguousLabel') : accept(null);
  const known = scale.labels.get(folded);
  if (!scale.values.has(n)) return reject('notOnScale');
  if (known !== undefined && known !== n) return reject('ambiguousLabel');
  return accept(n);
}

/**
 * An answer: a value on the scale (as a number or as text, "3" or "3,0"), a label in any of the guide's languages
 * (whatever the case, spacing and punctuation around it, with or without its number: "3 - Ofte", "Ofte (3)"), or
 * "not applicable".
 */
export function readAnswer(value: CellValue, scale: ScaleReader): CellResult<number | null> {
  if (typeof value === 'boolean' || value instanceof Date) return reject('wrongType');
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return reject('notWholeNumber');
    return scale.values.has(value) ? accept(value) : reject('notOnScale');
  }
  const text = (value ?? '').trim();
  if (text.length > maxCellLength) return reject('tooLong');
  const number = /^[+]?(\d{1,3})(?:[.,](\d+))?$/.exec(text);
  if (number) {
    if (number[2] !== undefined && !/^0+$/.test(number[2])) return reject('notWholeNumber');
    const n = Number(number[1]);
    return scale.values.has(n) ? accept(n) : reject('notOnScale');
  }
  const folded = foldValue(text);
  if (notApplicableWords.has(folded)) return accept(null);
  const labelled = scale.labels.get(folded);
  if (labelled !== undefined) return labelled === null ? reject('ambiguousLabel') : accept(labelled);
  // "3 - Ofte", "3 = Often", "3. Ofte"
  const leading = /^(\d{1,2})\s*[-–=:.)]\s*(.+)$/u.exec(text);
  if (leading) return numberedLabel(Number(leading[1]), leading[2], scale);
  // "Ofte (3)", "Ofte [3]", "Ofte - 3"
  const trailing = /^(.+?)\s*(?:\((\d{1,2})\)|\[(\d{1,2})\]|[-–=:]\s*(\d{1,2}))$/u.exec(text);
  if (trailing) return numberedLabel(Number(trailing[2] ?? trailing[3] ?? trailing[4]), trailing[1], scale);
  return reject('unknownLabel');
}

/** A language that exists, by code ("pl", "pol", "nb-NO") or by name in Norwegian, English or itself ("Polsk", "Polish", "Polski"). */
export function readLanguage(value: CellValue): CellResult<string> {
  if (typeof value !== 'string') return reject('unknownLanguage');
  const language = findLanguage(value.trim());
  return language ? accept(language) : reject('unknownLanguage');
}

/** Reads every row with the given column targets; a row with any rejected cell is left out as a whole. */
export function readRespondents(guide: Guide, table: SurveyTable, targets: readonly ColumnTarget[]): SurveyReading {
  const scales = new Map(guide.scales.map((scale) => [scale.id, scaleReader(scale)]));
  const items = new Map(guide.items.map((item) => [item.id, scales.get(item.scale)!]));
  const dateColumn = targets.indexOf('date');
  const dateOrder = slashOrder(dateColumn < 0 ? [] : table.rows.map((row) => row.cells[dateColumn] ?? null));
  const respondents: SurveyRespondent[] = [];
  const rejected: RejectedCell[] = [];
  const noted: NotedCell[] = [];
  let rowsWithProblems = 0;
  let emptyRows = 0;

  for (const row of table.rows) {
    if (row.cells.every(isBlank)) {
      emptyRows++;
      continue;
    }
    const respondent: SurveyRespondent = { row: row.number, group: null, language: null, answeredOn: null, answers: {} };
    const problems: RejectedCell[] = [];
    const where = (column: number, value: CellValue) => ({ row: row.number, column: column + 1, header: table.headers[column] ?? '', value: cellText(value).slice(0, 200) });
    const problem = (column: number, value: CellValue, reason: RejectReason) => problems.push({ ...where(column, value), reason });

    targets.forEach((target, column) => {
      const value = row.cells[column] ?? null;
      if (target === 'ignore' || isBlank(value)) return;
      if (target === 'group') {
        const group = cellText(value).trim().replace(/\s+/g, ' ');
        if (group.length > maxGroupLength) problem(column, value, 'tooLong');
        else respondent.group = group;
      } else if (target === 'language') {
        // A respondent is never left out for their language alone: it stays unknown, and the cell is reported.
        const language = readLanguage(value);
        if (language.ok) respondent.language = language.value;
        else noted.push({ ...where(column, value), reason: 'unknownLanguage' });
      } else if (target === 'date') {
        const date = readDate(value, dateOrder);
        if (date.ok) respondent.answeredOn = date.value;
        else problem(column, value, date.reason);
      } else {
        const itemId = target.slice('item:'.length);
        const answer = readAnswer(value, items.get(itemId)!);
        if (answer.ok) respondent.answers[itemId] = answer.value;
        else problem(column, value, answer.reason);
      }
    });
    if (problems.length === 0 && Object.keys(respondent.answers).length === 0) {
      problems.push({ row: row.number, column: 0, header: '', value: '', reason: 'noAnswers' });
    }
    if (problems.length > 0) {
      rejected.push(...problems);
      rowsWithProblems++;
    } else {
      respondents.push(respondent);
    }
  }
  return { respondents, rejected, noted, rowsWithProblems, emptyRows };
}

/** "A", "B", … "Z", "AA": the column as the spreadsheet names it. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
