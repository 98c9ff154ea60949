// An assessment's results and its guide as the charts' plain data, with the guide's texts in one language.
import { localize, type Guide, type GuideFactor } from '../guide';
import { indexGuide } from '../guide-index';
import type { FactorResult, ShownFactorResult } from '../scoring';
import type { SuppressionReason } from '../suppression';
import type { ChartScore, ChartThresholds } from './chart-types';
import type { DistributionChartRow } from './distribution-chart';
import type { FactorScoreChartRow } from './factor-score-chart';
import type { GroupComparisonChartData } from './group-comparison-chart';

/** The text shown for a withheld result; without it the chart's general `withheld` text. */
export type WithheldNote = (reason: SuppressionReason) => string | undefined;

export function chartThresholds(factor: GuideFactor): ChartThresholds {
  return { lower: factor.thresholds.lower, upper: factor.thresholds.upper, direction: factor.direction };
}

export function chartScore(result: FactorResult | undefined, withheldNote?: WithheldNote): ChartScore {
  if (!result) return { suppressed: false, score: null, light: null };
  if (result.suppressed) return { suppressed: true, note: withheldNote?.(result.reason) };
  return { suppressed: false, score: result.score, light: result.light };
}

/** One row per factor of the guide, in guide order. */
export function factorScoreChartRows(
  guide: Guide,
  results: readonly FactorResult[],
  language: string,
  withheldNote?: WithheldNote,
): FactorScoreChartRow[] {
  const byFactor = new Map(results.map((result) => [result.factorId, result]));
  return guide.factors.map((factor) => ({
    label: localize(factor.title, language),
    thresholds: chartThresholds(factor),
    ...chartScore(byFactor.get(factor.id), withheldNote),
  }));
}

export interface ComparedResults {
  /** e.g. "Hele kartleggingen" or a group's name. */
  label: string;
  factors: readonly FactorResult[];
}

export function groupComparisonChartData(
  guide: Guide,
  columns: readonly ComparedResults[],
  language: string,
  withheldNote?: WithheldNote,
): GroupComparisonChartData {
  const lookups = columns.map((column) => new Map(column.factors.map((result) => [result.factorId, result])));
  return {
    groups: columns.map((column) => column.label),
    factors: guide.factors.map((factor) => ({
      label: localize(factor.title, language),
      thresholds: chartThresholds(factor),
      values: lookups.map((lookup) => chartScore(lookup.get(factor.id), withheldNote)),
    })),
  };
}

/** One row per item of a shown factor result, with the scale's labels. */
export function distributionChartRows(guide: Guide, result: ShownFactorResult, language: string): DistributionChartRow[] {
  const index = indexGuide(guide);
  const items = new Map(guide.items.map((item) => [item.id, item]));
  return result.items.flatMap((distribution) => {
    const item = items.get(distribution.itemId);
    if (!item) return [];
    const labels = new Map(index.scaleOf(item).points.map((point) => [point.value, localize(point.label, language)]));
    return [
      {
        label: localize(item.text, language),
        options: distribution.options.map((option) => ({ label: labels.get(option.value) ?? String(option.value), count: option.count })),
        notApplicable: distribution.notApplicable,
      },
    ];
  });
}
