// Answer dates as survey tools and spreadsheets write them: Excel dates and serial numbers, 31.01.2025 and
// 31.01.25 (with or without a time), ISO dates and timestamps, Google's 2025/01/31, and slash dates in either order.

/** A cell as the file readers give it: XLSX cells may be numbers, dates or booleans; CSV cells are text. */
export type CellValue = string | number | boolean | Date | null;

export type DateResult = { ok: true; value: string } | { ok: false; reason: 'badDate' };

/** Which part of a slash date is the day: 31/01/2025 (Norwegian) or 1/31/2025 (Microsoft and Google in US English). */
export type SlashOrder = 'dmy' | 'mdy';

const bad: DateResult = { ok: false, reason: 'badDate' };

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1990 || year > 2100) return null;
  return date.toISOString().slice(0, 10);
}

const orBad = (date: string | null): DateResult => (date ? { ok: true, value: date } : bad);

/** Two-digit years are this century: a survey answered in the 1900s is not in a spreadsheet today. */
const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/** Excel counts days from 30 December 1899; a fraction is the time of day. 1990–2100 only. */
function fromSerial(serial: number): DateResult {
  if (!Number.isFinite(serial) || serial < 32874 || serial >= 73051) return bad;
  return { ok: true, value: new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10) };
}

const slashDate = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ ,T].*)?$/;
const twelveHourClock = /\d\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s|$)/i;

/** The order of a column's slash dates: a day over 12 decides it, then a 12-hour clock (US style); Norwegian otherwise. */
export function slashOrder(values: readonly CellValue[]): SlashOrder {
  let twelveHour = false;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = slashDate.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) return 'dmy';
    if (Number(match[2]) > 12) return 'mdy';
    if (twelveHourClock.test(value)) twelveHour = true;
  }
  return twelveHour ? 'mdy' : 'dmy';
}

export function readDate(value: CellValue, order: SlashOrder = 'dmy'): DateResult {
  if (value instanceof Date) {
    // ExcelJS gives a date cell as the wall-clock time in UTC, so the UTC parts are the date the sheet shows.
    if (Number.isNaN(value.getTime())) return bad;
    return orBad(isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
  }
  if (typeof value === 'number') return fromSerial(value);
  if (typeof value !== 'string' || value.length > 60) return bad;
  const text = value.trim();
  // A serial number as a CSV carries it, with a time as a decimal fraction: "45688" or "45688,4375".
  let match = /^(\d{5})(?:[.,]\d+)?$/.exec(text);
  if (match) return fromSerial(Number(text.replace(',', '.')));
  // ISO, and Google Forms' "2025/01/31 10:15:00 AM GMT+1".
  match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T,].*)?$/.exec(text);
  if (match) return orBad(isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  // Norwegian: 31.01.2025, 31.1.25, "31.01.2025 14:03", "31.01.2025 kl. 14.03".
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ ,T].*)?$/.exec(text);
  if (match) return orBad(isoDate(fullYear(match[3]), Number(match[2]), Number(match[1])));
  match = slashDate.exec(text);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    return orBad(isoDate(fullYear(match[3]), month, day));
  }
  // "31-01-2025" as some exports write it.
  match = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ ,T].*)?$/.exec(text);
  if (match) return orBad(isoDate(Number(match[3]), Number(match[2]), Number(match[1])));
  return bad;
}
