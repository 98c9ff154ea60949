// Calendar dates as the app stores them (YYYY-MM-DD), in the machine's own time zone.

/** The local calendar date of a moment, e.g. "today" for deadlines; not the UTC date. */
export function localIsoDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
