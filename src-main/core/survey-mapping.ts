// Survey results onto a guide: which column is which item (by item id, by item text in any of the
// guide's languages, or as the consultant mapped it), and each cell read as an answer or rejected with a reason.
import type { Guide, GuideScale } from './guide';
import { knownLanguages, languageCodePattern } from './languages';
import type { SurveyAnswers } from './package-records';

/** A cell as the file readers give it: XLSX cells may be numbers, dates or booleans; CSV cells are text. */
export type CellValue = string | number | boolean | Date | null;

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

export interface SurveyReading {
  /** Respondents from the rows without any rejected cell. */
  respondents: SurveyRespondent[];
  rejected: RejectedCell[];
  /** Rows left out because at least one of their cells was rejected. */
  rowsWithProblems: number;
  /** Wholly empty rows, skipped without a word (e.g. the blank lines at the end of a CSV file). */
  emptyRows: number;
}

export const maxCellLength = 1000;
export const maxGroupLength = 200;

/** Headings as people write them: case, spacing, numbering ("1.", "Q3:") and a final "?" do not matter. */
export function foldHeading(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:q|spm\.?|spørsmål)?\s*\d{1,3}\s*[.):-]\s+/u, '')
    .replace(/[\s?.:!]+$/u, '')
    .trim();
}

function foldValue(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
}

const metaHeadings: Record<'group' | 'language' | 'date', string[]> = {
  group: ['gruppe', 'group', 'avdeling', 'department', 'team', 'skift', 'shift', 'enhet', 'unit', 'arbeidssted', 'site'],
  language: ['språk', 'sprak', 'language', 'lang', 'språkkode', 'language code'],
  date: ['dato', 'date', 'svardato', 'tidspunkt', 'timestamp', 'besvart', 'submitted', 'completed', 'answered', 'response date'],
};

export function isColumnTarget(guide: Guide, target: string): target is ColumnTarget {
  if (target === 'ignore' || target === 'group' || target === 'language' || target === 'date') return true;
  return target.startsWith('item:') && guide.items.some((item) => item.id === target.slice('item:'.length));
}

/** A target for every column: a saved mapping first, then the item id, the item's text in any language, a known heading. */
export function suggestTargets(guide: Guide, headers: readonly string[], saved: ReadonlyMap<string, string>): { target: ColumnTarget; source: TargetSource }[] {
  const byId = new Map(guide.items.map((item) => [item.id.toLocaleLowerCase('nb'), item.id]));
  const byText = new Map<string, string>();
  for (const item of guide.items) {
    for (const text of Object.values(item.text)) byText.set(foldHeading(text), item.id);
  }
  const taken = new Set<string>();
  return headers.map((header) => {
    const folded = foldHeading(header);
    const choose = (target: ColumnTarget, source: TargetSource) => {
      // A target is given to the first column only; a second "group" column or a repeated item is left for the consultant.
      if (target !== 'ignore' && taken.has(target)) return { target: 'ignore' as const, source: 'none' as const };
      if (target !== 'ignore') taken.add(target);
      return { target, source };
    };
    const remembered = saved.get(folded);
    if (remembered !== undefined && isColumnTarget(guide, remembered)) return choose(remembered, 'saved');
    const itemId = byId.get(header.trim().toLocaleLowerCase('nb'));
    if (itemId) return choose(`item:${itemId}`, 'itemId');
    const textItem = byText.get(folded);
    if (textItem) return choose(`item:${textItem}`, 'itemText');
    for (const kind of ['group', 'language', 'date'] as const) {
      if (metaHeadings[kind].includes(folded)) return choose(kind, 'heading');
    }
    return { target: 'ignore', source: 'none' };
  });
}

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

/** "Not applicable" and "don't know" as survey tools write them: the item counts as not applicable. */
const notApplicableWords = new Set(['ikke relevant', 'ikke aktuelt', 'i/r', 'n/a', 'na', 'not applicable', 'vet ikke', "don't know", 'dont know', 'ikke svart']);

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

/** An answer: a value on the scale (as a number or as text, "3" or "3,0"), a label in any language, or "not applicable". */
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
  // "3 - Ofte", "3 = Often": the number counts when the label agrees with it (or is not one we know).
  const numberedLabel = /^(\d{1,2})\s*[-–=:.)]\s*(.+)$/u.exec(text);
  if (numberedLabel) {
    const n = Number(numberedLabel[1]);
    const label = scale.labels.get(foldValue(numberedLabel[2]));
    if (!scale.values.has(n)) return reject('notOnScale');
    if (label !== undefined && label !== n) return reject('ambiguousLabel');
    return accept(n);
  }
  return reject('unknownLabel');
}

const languageAliases: Record<string, string> = { no: 'nb', nob: 'nb', nor: 'nb', eng: 'en' };

/** A language code ("pl", "PL") or a language's name in itself, in English or in Norwegian ("Polski", "Polish", "Polsk"). */
export function readLanguage(value: CellValue): CellResult<string> {
  if (typeof value !== 'string') return reject('unknownLanguage');
  const text = value.trim();
  if (text.length > 50) return reject('tooLong');
  // "pl", "PL", "nb-NO": the base code; "no" and the three-letter codes people type for the two UI languages too.
  const code = text.split('-')[0].toLowerCase();
  if (languageCodePattern.test(text.toLowerCase())) return accept(languageAliases[code] ?? code);
  const folded = foldValue(text);
  for (const [known, info] of Object.entries(knownLanguages)) {
    if ([info.nativeName, info.englishName, info.norwegianName].some((name) => foldValue(name) === folded)) return accept(known);
  }
  return reject('unknownLanguage');
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1990 || year > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** Dates as Norwegian Excel and survey tools write them: 31.01.2025, 2025-01-31 (with a time after it), 31/01/2025, or an Excel date. */
export function readDate(value: CellValue): CellResult<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return reject('badDate');
    const date = isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return date ? accept(date) : reject('badDate');
  }
  if (typeof value === 'number') {
    // An Excel serial day number (1900 date system), as a CSV may carry it.
    if (!Number.isInteger(value) || value < 32874 || value > 73050) return reject('badDate');
    const date = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return accept(date.toISOString().slice(0, 10));
  }
  if (typeof value !== 'string' || value.length > 40) return reject('badDate');
  const text = value.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  if (match) return orBad(isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,].*)?$/.exec(text);
  if (match) return orBad(isoDate(Number(match[3]), Number(match[2]), Number(match[1])));
  return reject('badDate');
}

function orBad(date: string | null): CellResult<string> {
  return date ? accept(date) : reject('badDate');
}

/** Reads every row with the given column targets; a row with any rejected cell is left out as a whole. */
export function readRespondents(guide: Guide, table: SurveyTable, targets: readonly ColumnTarget[]): SurveyReading {
  const scales = new Map(guide.scales.map((scale) => [scale.id, scaleReader(scale)]));
  const items = new Map(guide.items.map((item) => [item.id, scales.get(item.scale)!]));
  const respondents: SurveyRespondent[] = [];
  const rejected: RejectedCell[] = [];
  let rowsWithProblems = 0;
  let emptyRows = 0;

  for (const row of table.rows) {
    if (row.cells.every(isBlank)) {
      emptyRows++;
      continue;
    }
    const respondent: SurveyRespondent = { row: row.number, group: null, language: null, answeredOn: null, answers: {} };
    const problems: RejectedCell[] = [];
    const problem = (column: number, value: CellValue, reason: RejectReason) =>
      problems.push({ row: row.number, column: column + 1, header: table.headers[column] ?? '', value: cellText(value).slice(0, 200), reason });

    targets.forEach((target, column) => {
      const value = row.cells[column] ?? null;
      if (target === 'ignore' || isBlank(value)) return;
      if (target === 'group') {
        const group = cellText(value).trim().replace(/\s+/g, ' ');
        if (group.length > maxGroupLength) problem(column, value, 'tooLong');
        else respondent.group = group;
      } else if (target === 'language') {
        const language = readLanguage(value);
        if (language.ok) respondent.language = language.value;
        else problem(column, value, language.reason);
      } else if (target === 'date') {
        const date = readDate(value);
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
  return { respondents, rejected, rowsWithProblems, emptyRows };
}

/** "A", "B", … "Z", "AA": the column as the spreadsheet names it. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
