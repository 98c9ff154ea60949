// Writes survey exports as the common tools write them into tests/fixtures/surveys/tools, once; the bytes are
// committed and the tests only read them. Run: npx tsx scripts/make-survey-tool-fixtures.ts
// Each file has 10 respondents answering the same eight items of psychosocial-cleaning 1.0.0 (the answers follow
// answerFor below), written in the tool's own shape: headings, timestamps, labels, encoding and delimiter.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tests/fixtures/surveys/tools');
mkdirSync(out, { recursive: true });

interface Text {
  nb: string;
  en: string;
}
const guide = JSON.parse(readFileSync(path.join(root, 'templates/interviews/psychosocial-cleaning.json'), 'utf8')) as {
  scales: { id: string; points: { value: number; label: Text }[] }[];
  factors: { id: string; title: Text }[];
  items: { id: string; factor: string; scale: string; text: Text }[];
};
const itemIds = ['workload.1', 'workload.2', 'workload.3', 'workload.4', 'pace.1', 'pace.2', 'pace.3', 'pace.4'];
const items = itemIds.map((id) => guide.items.find((item) => item.id === id)!);
const factorTitle = (factor: string, language: 'nb' | 'en') => guide.factors.find((f) => f.id === factor)!.title[language];
const label = (itemIndex: number, value: number, language: 'nb' | 'en') =>
  guide.scales.find((scale) => scale.id === items[itemIndex].scale)!.points.find((point) => point.value === value)!.label[language];

export const respondents = 10;
/** A fixed answer per respondent and item; respondent 3 answers "don't know" to the last item. */
export const answerFor = (respondent: number, item: number): number | null => (respondent === 3 && item === 7 ? null : ((respondent * 3 + item * 2) % 5) + 1);
const group = (respondent: number) => (respondent % 2 ? 'Nattskift' : 'Dagskift');

const csvField = (text: string, delimiter: string) => (/["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (rows: string[][], delimiter: string, newline = '\r\n') => rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter)).join(newline) + newline;
const pad = (n: number) => String(n).padStart(2, '0');
const bom = (encoding: 'utf-8' | 'utf-16le' | 'utf-16be') => Buffer.from(encoding === 'utf-8' ? [0xef, 0xbb, 0xbf] : encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
const write = (name: string, bytes: Uint8Array) => writeFileSync(path.join(out, name), bytes);
/** A workbook whose metadata does not change between runs. */
function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kartlegg fixtures';
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 2, 11));
  return workbook;
}

/** Google Forms, Norwegian, as "Last ned svar (.csv)" gives it: UTF-8 without BOM, commas, grid questions "<stem> [<row>]". */
function googleFormsNorwegian(): void {
  const languages = ['Norsk', 'Polski', 'ትግርኛ', 'Bokmål', 'Polsk', 'Tigrinja', 'العربية', 'Klingon', 'norsk', 'Litauisk'];
  const header = ['Tidsmerke', 'Gruppe', 'Språk', ...items.map((item) => `${factorTitle(item.factor, 'nb')} [${item.text.nb}]`)];
  const rows = [header];
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? 'Vet ikke' : label(i, value, 'nb');
    });
    rows.push([`${pad(r)}.03.2025 ${pad(8 + r)}:15:02`, group(r), languages[r - 1], ...answers]);
  }
  write('google-forms-nb.csv', Buffer.from(csv(rows, ',', '\n'), 'utf8'));
}

/** Google Forms, English, as Sheets' CSV download gives it: UTF-8 with BOM, "Timestamp" as 2025/03/04 8:15:02 PM GMT+1. */
function googleFormsEnglish(): void {
  const languages = ['English', 'Polish', 'Norwegian', 'pl', 'nob', 'Tigrinya', 'Arabic', 'POL', 'en', 'Romanian'];
  const header = ['Timestamp', 'Group', 'Language', ...items.map((item) => `${factorTitle(item.factor, 'en')} [${item.text.en}]`)];
  const rows = [header];
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? "Don't know" : label(i, value, 'en');
    });
    rows.push([`2025/03/${pad(r)} ${r}:15:02 PM GMT+1`, group(r), languages[r - 1], ...answers]);
  }
  write('google-forms-en.csv', Buffer.concat([bom('utf-8'), Buffer.from(csv(rows, ','), 'utf8')]));
}

/** Microsoft Forms' own XLSX, Norwegian: ID, start and completion time as date cells, e-mail and name (never imported). */
async function microsoftFormsNorwegian(): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['ID', 'Starttidspunkt', 'Fullføringstidspunkt', 'E-post', 'Navn', 'Tidspunkt for siste endring', 'Gruppe', 'Språk', ...items.map((item) => item.text.nb)]);
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? 'Ikke aktuelt' : label(i, value, 'nb');
    });
    // Started on the last day of February, completed in March: the completion time is the answer date.
    sheet.addRow([r, new Date(Date.UTC(2025, 1, 28, 23, 50)), new Date(Date.UTC(2025, 2, r, 0, 5)), 'anonymous', '', '', group(r), r % 3 ? 'nb' : 'pl', ...answers]);
  }
  for (const column of [2, 3]) sheet.getColumn(column).numFmt = 'dd.mm.yyyy hh:mm';
  write('microsoft-forms-nb.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Microsoft Forms in English, opened in Excel and saved as "Unicode Text": UTF-16 LE, tabs, US dates with a 12-hour clock. */
function microsoftFormsEnglishUnicodeText(): void {
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Group', 'Language', ...items.map((item) => item.text.en)];
  const rows = [header];
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? 'Not applicable' : label(i, value, 'en');
    });
    rows.push([String(r), `3/${r}/2025 9:00:00 AM`, `3/${r}/2025 9:12:40 AM`, 'anonymous', '', group(r), r % 2 ? 'English' : 'Polish', ...answers]);
  }
  write('microsoft-forms-en.txt', Buffer.concat([bom('utf-16le'), iconv.encode(csv(rows, '\t'), 'utf-16le')]));
}

/** Questback: Excel's "CSV (semikolondelt)" on Norwegian Windows (Windows-1252), "Q1." numbering, answers as "4 - Ofte". */
function questback(): void {
  const header = ['Respondent', 'Svartidspunkt', 'Avdeling', ...items.map((item, i) => `Q${i + 1}. ${item.text.nb}`)];
  const rows = [header];
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? 'Vet ikke' : `${value} - ${label(i, value, 'nb')}`;
    });
    rows.push([`R${r}`, `${pad(r)}.03.25 14:${pad(r)}`, group(r), ...answers]);
  }
  write('questback.csv', iconv.encode(csv(rows, ';'), 'windows-1252'));
}

/** Netigate, saved as UTF-16 BE text with tabs: "5.1"-style numbering, ISO timestamps, answers as "Ofte (4)". */
function netigate(): void {
  const header = ['Respondent ID', 'Submitted', 'Department', 'Language', ...items.map((item, i) => `${Math.floor(i / 4) + 5}.${(i % 4) + 1} ${item.text.nb}`)];
  const rows = [header];
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? 'Ikke aktuelt' : `${label(i, value, 'nb')} (${value})`;
    });
    rows.push([String(1000 + r), `2025-03-${pad(r)} 14:22:10`, group(r), r % 2 ? 'Norwegian' : 'Lithuanian', ...answers]);
  }
  write('netigate.txt', Buffer.concat([bom('utf-16be'), iconv.encode(csv(rows, '\t'), 'utf-16be')]));
}

/** SurveyXact's data set: UTF-8 with BOM, semicolons, item ids as variable names, numeric codes, Excel serial dates. */
function surveyXact(): void {
  const header = ['respondentid', 'closetime', 'gruppe', ...itemIds];
  const rows = [header];
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      return value === null ? 'Ikke aktuelt' : String(value);
    });
    // 45717 is 2025-03-01; ",5" is noon.
    rows.push([String(r), `${45716 + r},5`, group(r), ...answers]);
  }
  write('surveyxact.csv', Buffer.concat([bom('utf-8'), Buffer.from(csv(rows, ';'), 'utf8')]));
}

/**
 * A sheet typed by hand: a cover sheet first, then the answers with a title row merged across, a grid stem merged
 * over its items, "Gruppe" merged down over both heading rows, answers partly as formulas, and date cells.
 */
async function handTyped(): Promise<void> {
  const workbook = newWorkbook();
  const cover = workbook.addWorksheet('Forside');
  cover.addRow(['Kartlegging av arbeidsmiljø, renhold']);
  cover.addRow(['Svarene står på arket «Svar».']);
  const sheet = workbook.addWorksheet('Svar');
  sheet.addRow(['Spørreundersøkelse mars 2025']);
  sheet.mergeCells(1, 1, 1, 2 + items.length);
  sheet.addRow(['Gruppe', 'Dato', factorTitle('workload', 'nb'), '', '', '', factorTitle('pace', 'nb')]);
  sheet.addRow([null, null, ...items.map((item) => item.text.nb)]);
  sheet.mergeCells(2, 1, 3, 1);
  sheet.mergeCells(2, 2, 3, 2);
  sheet.mergeCells(2, 3, 2, 6);
  sheet.mergeCells(2, 7, 2, 10);
  for (let r = 1; r <= respondents; r++) {
    const answers = items.map((_item, i) => {
      const value = answerFor(r, i);
      if (value === null) return 'vet ikke';
      // Every other answer is a formula whose cached result is the answer.
      return (r + i) % 2 ? { formula: `${value - 1}+1`, result: value } : value;
    });
    sheet.addRow([group(r), new Date(Date.UTC(2025, 2, r)), ...answers]);
  }
  sheet.getColumn(2).numFmt = 'dd.mm.yyyy';
  write('hand-typed.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Headings typed from memory: one close to an item's text (a suggestion to confirm), one exact; one language that does not exist. */
function closeHeadings(): void {
  const rows = [['Gruppe', 'Språk', 'Jeg har for mye arbeid på vakta', items[4].text.nb]];
  for (let r = 1; r <= 6; r++) rows.push([group(r), r === 2 ? 'Klingon' : 'Norsk', label(0, answerFor(r, 0)!, 'nb'), String(answerFor(r, 4))]);
  write('close-headings.csv', Buffer.concat([bom('utf-8'), Buffer.from(csv(rows, ';'), 'utf8')]));
}

googleFormsNorwegian();
googleFormsEnglish();
closeHeadings();
await microsoftFormsNorwegian();
microsoftFormsEnglishUnicodeText();
questback();
netigate();
surveyXact();
await handTyped();
console.log(`Wrote the survey tool fixtures in ${path.relative(root, out)}.`);
