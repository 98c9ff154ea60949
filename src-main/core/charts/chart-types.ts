// The plain data and options the charts share: no guide and no translations, only what is drawn.
import type { TrafficLight } from '../traffic-light';

/** A factor's cut points on the 0–100 scale and which way is good, drawn as bands behind its bar. */
export interface ChartThresholds {
  lower: number;
  upper: number;
  direction: 'higherIsBetter' | 'higherIsWorse';
}

/** One score as a chart shows it. A withheld score has no number at all. */
export type ChartScore =
  | { suppressed: false; score: number | null; light: TrafficLight | null }
  | { suppressed: true; /** Shown instead of the score; default the chart's `withheld` text. */ note?: string };

/** The words a score chart needs, already in the reader's language. */
export interface ScoreChartTexts {
  /** Shown where a result is withheld, e.g. "Skjult (for få svar)". */
  withheld: string;
  /** The lights' names, e.g. { green: 'Grønn', … }. */
  lights: Record<TrafficLight, string>;
  /** Shown for a factor without a score; default "–". */
  noScore?: string;
  /** Caption under the 0–100 axis. */
  axis?: string;
  /** Legend entry for the dashed threshold lines. */
  thresholds?: string;
}

export interface ChartFrameOptions {
  /** Heading drawn in the chart and its <title>. */
  title?: string;
  /** A sentence or two for <desc>. */
  description?: string;
  /** Pixels (and points in a report); the height follows from the content. */
  width?: number;
  /** Number format, default "nb" (decimal comma). */
  locale?: string;
  /** The labels' language, written as xml:lang. */
  language?: string;
  /** Prefix of the ids inside the SVG, for documents that inline several charts; default "kc". */
  idPrefix?: string;
}
