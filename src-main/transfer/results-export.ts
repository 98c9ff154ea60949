// An assessment's aggregated scores as a table, CSV or XLSX: only what results.get shows, withheld
// results as empty cells marked "withheld", never an individual answer.
import ExcelJS from 'exceljs';
import type { AssessmentResults } from '../core/comparison';
import type { FactorComparison } from '../core/comparison';
import { localize, type Guide } from '../core/guide';
import type { FactorResult } from '../core/scoring';

export type ExportLanguage = 'nb' | 'en';
type Cell = string | number | null;

export const withheldMarker = 'withheld';

const words = {
  nb: {
    headers: ['Nivå', 'Gruppe', 'Faktor-ID', 'Faktor', 'Skår (0–100)', 'Antall svar (n)', 'Trafikklys', 'Status', 'Grunn', 'Tidligere skår', 'Endring', 'Utvikling'],
    total: 'Totalt',
    group: 'Gruppe',
    roles: { managers: 'Ledere', safetyRepresentatives: 'Verneombud' },
    light: { green: 'grønn', yellow: 'gul', red: 'rød' },
    reason: { belowMinimumGroupSize: 'færre enn minste gruppestørrelse', revealsWithheldGroup: 'ville avslørt en skjult gruppe' },
    change: { better: 'bedre', worse: 'verre', unchanged: 'uendret' },
    sheet: 'Resultater',
  },
  en: {
    headers: ['Level', 'Group', 'Factor id', 'Factor', 'Score (0–100)', 'Respondents (n)', 'Traffic light', 'Status', 'Reason', 'Prior score', 'Difference', 'Change'],
    total: 'Total',
    group: 'Group',
    roles: { managers: 'Managers', safetyRepresentatives: 'Safety representatives' },
    light: { green: 'green', yellow: 'yellow', red: 'red' },
    reason: { belowMinimumGroupSize: 'fewer than the minimum group size', revealsWithheldGroup: 'would reveal a withheld group' },
    change: { better: 'better', worse: 'worse', unchanged: 'unchanged' },
    sheet: 'Results',
  },
} as const;

/** One decimal: enough to compare, no false precision. */
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function resultsTable(guide: Guide, results: AssessmentResults, language: ExportLanguage): { headers: string[]; rows: Cell[][] } {
  const w = words[language];
  const factorTitle = new Map(guide.factors.map((factor) => [factor.id, localize(factor.title, language)]));
  const comparisons = new Map((results.prior?.comparison ?? []).map((comparison) => [comparison.factorId, comparison]));

  const row = (level: string, group: string, result: FactorResult, comparison?: FactorComparison): Cell[] => {
    const base: Cell[] = [level, group, result.factorId, factorTitle.get(result.factorId) ?? result.factorId];
    const shown = result.suppressed
      ? [null, null, null, withheldMarker, w.reason[result.reason]]
      : [round(result.score), result.n, result.light ? w.light[result.light] : null, null, null];
    let prior: Cell[] = [null, null, null];
    if (comparison?.suppressed) prior = [null, null, withheldMarker];
    else if (comparison) prior = [round(comparison.a), round(comparison.difference), comparison.change ? w.change[comparison.change] : null];
    return [...base, ...shown, ...prior];
  };

  const rows: Cell[][] = results.result.factors.map((result) => row(w.total, '', result, comparisons.get(result.factorId)));
  for (const group of results.result.groups) {
    for (const result of group.factors) rows.push(row(w.group, group.group, result));
  }
  // Managers' and safety representatives' answers, apart from the employees' and suppressed the same way.
  for (const apart of results.result.apart ?? []) {
    const level = w.roles[apart.role];
    for (const result of apart.factors) rows.push(row(level, '', result));
    for (const group of apart.groups) for (const result of group.factors) rows.push(row(level, group.group, result));
  }
  return { headers: [...w.headers], rows };
}

function csvField(value: Cell, language: ExportLanguage): string {
  if (value === null) return '';
  // Norwegian Excel reads decimal commas; English Excel decimal points.
  if (typeof value === 'number') return language === 'nb' ? String(value).replace('.', ',') : String(value);
  // A group name such as "=1+1" must stay text, not become a formula in the spreadsheet.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";,\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Semicolon-separated UTF-8 with BOM for Norwegian Excel; comma-separated for English. */
export function resultsCsv(table: { headers: string[]; rows: Cell[][] }, language: ExportLanguage): Uint8Array {
  const delimiter = language === 'nb' ? ';' : ',';
  const lines = [table.headers, ...table.rows].map((cells) => cells.map((cell) => csvField(cell, language)).join(delimiter));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function resultsXlsx(table: { headers: string[]; rows: Cell[][] }, language: ExportLanguage): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kartlegg';
  const sheet = workbook.addWorksheet(words[language].sheet);
  sheet.addRow(table.headers).font = { bold: true };
  for (const cells of table.rows) sheet.addRow(cells);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    column.width = index === 3 ? 40 : 16;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
