// Scores as text for screens and reports; the only place they are rounded.

export interface ScoreFormatOptions {
  /** BCP 47 locale; default "nb" (decimal comma). */
  locale?: string;
  /** Default 0: whole points, as scores are shown. */
  decimals?: number;
}

/** Shown for a missing score. */
export const noScore = '–';

/** Rounds half away from zero, so 67.5 shows as 68. */
export function formatScore(score: number | null, options: ScoreFormatOptions = {}): string {
  if (score === null) return noScore;
  return numberFormat(options, 'auto').format(score);
}

/** With a sign: "+7", "−3" (the locale's minus), "0". */
export function formatDifference(difference: number | null, options: ScoreFormatOptions = {}): string {
  if (difference === null) return noScore;
  return numberFormat(options, 'exceptZero').format(difference);
}

/** Each format made once: a report formats some hundred scores. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: ScoreFormatOptions, signDisplay: 'auto' | 'exceptZero'): Intl.NumberFormat {
  const decimals = options.decimals ?? 0;
  const locale = options.locale ?? 'nb';
  const key = `${locale}\u0000${decimals}\u0000${signDisplay}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay, useGrouping: false });
    numberFormats.set(key, format);
  }
  return format;
}
