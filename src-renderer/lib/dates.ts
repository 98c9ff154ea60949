// Calendar dates (YYYY-MM-DD) shown in the UI language, e.g. "3. mars 2026".

export function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  // UTC on both sides, so the date never shifts a day with the machine's time zone.
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO time) in the machine's own time zone, e.g. "3. mars 2026, 07:42". */
export function formatDateTime(isoTime: string, language: string): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return isoTime;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
