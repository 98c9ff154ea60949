// The chart blocks: the shared chart builders, fed with the report's results in its language.
import {
  distributionChart as distributionChartDrawing,
  distributionChartRows,
  factorScoreChart,
  factorScoreChartRows,
  groupComparisonChart as groupComparisonChartDrawing,
  groupComparisonChartData,
  type ChartDrawing,
  type ScoreChartTexts,
} from '../../core/charts';
import type { GuideFactor } from '../../core/guide';
import type { ShownFactorResult } from '../../core/scoring';
import type { ImageBlock } from '../model';
import type { ReportContext } from '../report-context';
import type { BlockWriter } from './block-kit';

/** The charts' own width in chart units; drawn at most this many points wide in the documents. */
const chartWidth = 700;
export const chartPoints = 480;

function scoreTexts(context: ReportContext): ScoreChartTexts {
  const { labels } = context;
  return { withheld: labels.withheld, lights: labels.lights, noScore: labels.noScore, axis: labels.scoreAxis, thresholds: labels.thresholds };
}

function image(writer: BlockWriter, chart: ChartDrawing, alt: string): void {
  const block: ImageBlock = {
    kind: 'image',
    chart,
    width: chartPoints,
    alt,
    lang: writer.context.language,
  };
  writer.push(block);
}

function frame(writer: BlockWriter, name: string, title: string) {
  const { context } = writer;
  return { width: chartWidth, locale: context.locale, language: context.language, idPrefix: writer.nextId(name), title };
}

export function factorChart(writer: BlockWriter, title?: string): void {
  const { context } = writer;
  const { data } = context;
  const heading = title ?? context.labels.factorChartTitle;
  const rows = factorScoreChartRows(data.guide, data.result.factors, context.language);
  image(writer, factorScoreChart(rows, { ...frame(writer, 'scores', heading), texts: scoreTexts(context) }), heading);
}

/** Only ever called for a shown result: a withheld factor has no distribution to draw. */
export function distributionChart(writer: BlockWriter, factor: GuideFactor, result: ShownFactorResult): void {
  const { context } = writer;
  const { labels } = context;
  const heading = `${context.factorTitle(factor.id)}: ${labels.distributionTitle}`;
  const rows = distributionChartRows(context.data.guide, result, context.language);
  const texts = { notApplicable: labels.notApplicable, withheld: labels.withheld, noAnswers: labels.noAnswers, axis: labels.distributionAxis };
  image(writer, distributionChartDrawing(rows, { ...frame(writer, 'distribution', heading), texts }), heading);
}

export function groupComparisonChart(writer: BlockWriter): void {
  const { context } = writer;
  const { data, labels } = context;
  const columns = [...data.result.groups.map((group) => ({ label: group.group, factors: group.factors })), { label: labels.whole, factors: data.result.factors }];
  const chartData = groupComparisonChartData(data.guide, columns, context.language);
  image(writer, groupComparisonChartDrawing(chartData, { ...frame(writer, 'groups', labels.groupChartTitle), texts: scoreTexts(context) }), labels.groupChartTitle);
}
