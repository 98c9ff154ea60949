// Reads a survey export as a table: CSV as Norwegian Excel and LibreOffice write it (semicolon or comma,
// UTF-8 with or without BOM, Windows-1252, UTF-16, quoted fields with line breaks) or a sheet of an XLSX
// (the one asked for, else the first the caller accepts; merged header cells over a second heading row).
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CellValue, SurveyRow, SurveyTable } from '../core/survey-mapping';
import { fileError } from './file-errors';
import { looksLikeZip, readZip, type ZipLimits } from './zip-reader';

export const maxSurveyBytes = 25 * 1024 * 1024;
export const maxSurveyRows = 100_000;
export const maxSurveyColumns = 1000;
/** A whole CSV record (all its cells) may be this long; a longer one is not a survey row. */
const maxRecordChars = 1_000_000;

/** A sheet of 10,000 respondents × 80 questions is about 20 MB of XML; ExcelJS holds a sheet in memory several times over. */
const xlsxLimits: ZipLimits = { maxEntries: 2000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };

export type SurveyEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface SurveyFile {
  format: 'csv' | 'xlsx';
  table: SurveyTable;
  encoding: SurveyEncoding | null;
  delimiter: string | null;
  sheetName: string | null;
  /** The workbook's sheets in order; empty for a CSV. */
  sheetNames: string[];
}

export interface SheetChoice {
  /** The sheet to read, by name. */
  sheet?: string;
  /** Without a named sheet: the first non-empty sheet whose table this accepts (its header row maps), else the first non-empty. */
  accept?: (table: SurveyTable) => boolean;
}

export async function readSurveyFile(bytes: Uint8Array, choice: SheetChoice = {}): Promise<SurveyFile> {
  if (bytes.length > maxSurveyBytes) throw fileError('fileTooLarge', `The file is ${bytes.length} bytes; a survey file may be at most ${maxSurveyBytes} bytes.`);
  if (looksLikeZip(bytes)) return readXlsx(bytes, choice);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError('notASpreadsheet', 'This is an old Excel file (.xls). Save it as .xlsx or as CSV and import that.');
  }
  return readCsv(bytes);
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: SurveyEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel's "CSV (semikolondelt)" on a Norwegian Windows writes Windows-1252.
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the first record most: Norwegian Excel uses ";", others ",", "Unicode text" a tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 100_000; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ';';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

function readCsv(bytes: Uint8Array): SurveyFile {
  const { text: decoded, encoding } = decodeText(bytes);
  let text = decoded;
  let delimiter: string | null = null;
  // Excel's own hint on the first line: "sep=;".
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: maxRecordChars,
      to_line: maxSurveyRows + 2,
    }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const line = (error as { lines?: number }).lines;
    if (code === 'CSV_MAX_RECORD_SIZE') throw fileError('cellTooLong', `A row of the file is longer than ${maxRecordChars} characters; that is not survey data.`);
    throw fileError(
      'notASpreadsheet',
      `The file cannot be read as CSV${line ? ` (near line ${line})` : ''}: ${code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : (error as Error).message}.`,
    );
  }
  return { format: 'csv', encoding, delimiter, sheetName: null, sheetNames: [], table: toTable(records.map((cells, index) => ({ number: index + 1, cells }))) };
}

/** Header row and data rows, checked against the size limits; trailing empty header cells are dropped. */
function toTable(rows: SurveyRow[]): SurveyTable {
  const header = rows.find((row) => row.cells.some((cell) => cell !== null && String(cell).trim() !== ''));
  if (!header) throw fileError('emptySpreadsheet', 'The file has no header row and no data.');
  const dataRows = rows.filter((row) => row.number > header.number);
  if (dataRows.length > maxSurveyRows) throw fileError('tooManyRows', `The file has more than ${maxSurveyRows} rows; split it into smaller files.`);
  // Data rows may run on past the header (trailing delimiters); only the header's columns are read.
  const width = header.cells.length;
  if (width > maxSurveyColumns) throw fileError('tooManyColumns', `The file has ${width} columns; at most ${maxSurveyColumns} are read.`);
  const headers = header.cells.map((cell) => (cell === null ? '' : cellHeading(cell)));
  while (headers.length > 0 && headers[headers.length - 1].trim() === '') headers.pop();
  return { headers, rows: dataRows.map((row) => ({ number: row.number, cells: row.cells.slice(0, Math.max(headers.length, 1)) })) };
}

function cellHeading(cell: CellValue): string {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return text.slice(0, 2000);
}

async function readXlsx(bytes: Uint8Array, choice: SheetChoice): Promise<SurveyFile> {
  // Checked with the same caps as a package before ExcelJS unpacks it: a zip bomb stops here.
  readZip(bytes, xlsxLimits, 'spreadsheet');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError('notASpreadsheet', `The file cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)}).`);
  }
  const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  const file = (sheet: ExcelJS.Worksheet, table: SurveyTable): SurveyFile => ({ format: 'xlsx', encoding: null, delimiter: null, sheetName: sheet.name, sheetNames, table });
  if (choice.sheet !== undefined) {
    const named = workbook.worksheets.find((sheet) => sheet.name === choice.sheet);
    if (!named) throw fileError('noSuchSheet', `The workbook has no sheet named "${choice.sheet}"; its sheets are ${sheetNames.map((name) => `"${name}"`).join(', ')}.`);
    return file(named, sheetTable(named));
  }
  const filled = workbook.worksheets.filter((sheet) => sheet.actualRowCount > 0);
  if (filled.length === 0) throw fileError('emptySpreadsheet', 'The workbook has no sheet with data.');
  let first: SurveyFile | null = null;
  for (const sheet of filled) {
    const table = sheetTable(sheet);
    if (!choice.accept || choice.accept(table)) return file(sheet, table);
    first ??= file(sheet, table);
  }
  return first!;
}

function sheetTable(sheet: ExcelJS.Worksheet): SurveyTable {
  if (sheet.rowCount > maxSurveyRows + 2) throw fileError('tooManyRows', `The sheet has more than ${maxSurveyRows} rows; split it into smaller files.`);
  if (sheet.columnCount > maxSurveyColumns) throw fileError('tooManyColumns', `The sheet has ${sheet.columnCount} columns; at most ${maxSurveyColumns} are read.`);
  const rows: SurveyRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ number, cells });
  });
  return toTable(mergeHeaderRows(sheet, rows));
}

/**
 * Hand-made sheets head a grid with a merged cell over a row of item headings: the two rows become one,
 * "<stem> - <item>", as survey tools write grid questions. A merged title across the whole first row is left out.
 */
function mergeHeaderRows(sheet: ExcelJS.Worksheet, rows: SurveyRow[]): SurveyRow[] {
  const at = rows.findIndex((row) => row.cells.some((cell) => cell !== null && String(cell).trim() !== ''));
  if (at < 0) return rows;
  const header = rows[at];
  const merged = (rowNumber: number, column: number) => {
    const cell = sheet.getRow(rowNumber).getCell(column + 1);
    return cell.isMerged ? cell.master.address : null;
  };
  const masters = header.cells.map((_cell, column) => merged(header.number, column));
  const filled = header.cells.map((cell, column) => (cell !== null && String(cell).trim() !== '' ? column : -1)).filter((column) => column >= 0);
  if (filled.length > 1 && masters[filled[0]] !== null && filled.every((column) => masters[column] === masters[filled[0]])) {
    return mergeHeaderRows(sheet, rows.filter((_row, index) => index !== at));
  }
  const spans = masters.some((master, column) => master !== null && masters.indexOf(master) !== column);
  const next = rows[at + 1];
  if (!spans || !next || next.number !== header.number + 1) return rows;
  const width = Math.max(header.cells.length, next.cells.length);
  const cells: CellValue[] = [];
  for (let column = 0; column < width; column++) {
    const stem = header.cells[column] === null || header.cells[column] === undefined ? '' : cellHeading(header.cells[column]!).trim();
    const below = next.cells[column] === null || next.cells[column] === undefined ? '' : cellHeading(next.cells[column]!).trim();
    // A cell merged down over both rows ("Gruppe") is one heading, not a stem.
    const sameCell = masters[column] !== null && masters[column] === merged(next.number, column);
    if (sameCell || below === '') cells.push(stem || null);
    else cells.push(stem === '' ? below : `${stem} - ${below}`);
  }
  return [...rows.slice(0, at), { number: next.number, cells }, ...rows.slice(at + 2)];
}

/** ExcelJS's cell values (rich text, formulas, hyperlinks, errors) as plain values. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return value.result === undefined ? null : cellValue(value.result as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return null;
}
