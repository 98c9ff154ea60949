// Reads a survey export as a table: CSV as Norwegian Excel and LibreOffice write it (semicolon or comma,
// UTF-8 with or without BOM, Windows-1252, UTF-16, quoted fields with line breaks) or the first sheet of an XLSX.
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
}

export async function readSurveyFile(bytes: Uint8Array): Promise<SurveyFile> {
  if (bytes.length > maxSurveyBytes) throw fileError('fileTooLarge', `The file is ${bytes.length} bytes; a survey file may be at most ${maxSurveyBytes} bytes.`);
  if (looksLikeZip(bytes)) return readXlsx(bytes);
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
  return { format: 'csv', encoding, delimiter, sheetName: null, table: toTable(records.map((cells, index) => ({ number: index + 1, cells }))) };
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

async function readXlsx(bytes: Uint8Array): Promise<SurveyFile> {
  // Checked with the same caps as a package before ExcelJS unpacks it: a zip bomb stops here.
  readZip(bytes, xlsxLimits, 'spreadsheet');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError('notASpreadsheet', `The file cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)}).`);
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw fileError('emptySpreadsheet', 'The workbook has no sheets.');
  if (sheet.rowCount > maxSurveyRows + 1) throw fileError('tooManyRows', `The sheet has more than ${maxSurveyRows} rows; split it into smaller files.`);
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
  return { format: 'xlsx', encoding: null, delimiter: null, sheetName: sheet.name, table: toTable(rows) };
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
