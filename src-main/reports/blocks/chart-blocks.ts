// The chart blocks: the shared SVG chart builders, fed with the report's results in its language.
import {
  distributionChartRows,
  distributionChartSvg,
  factorScoreChartRows,
  factorScoreChartSvg,
  groupComparisonChartData,
  groupComparisonChartSvg,
  type ScoreChartTexts,
} from '../../core/charts';
import type { GuideFactor } from '../../core/guide';
import type { ShownFactorResult } from '../../core/scoring';
import type { ImageBlock } from '../model';
import type { ReportContext } from '../report-context';
import type { BlockWriter } from './block-kit';

/** The charts' own width in SVG units; drawn at most this many points wide in the documents. */
const chartWidth = 700;
export const chartPoints = 480;

function scoreTexts(context: ReportContext): ScoreChartTexts {
  const { labels } = context;
  return { withheld: labels.withheld, lights: labels.lights, noScore: labels.noScore, axis: labels.scoreAxis, thresholds: labels.thresholds };
}

/** The size an SVG document gives itself in its width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(tag)?.[1] ?? NaN);
  const width = attribute('width');
  const height = attribute('height');
  if (!(width > 0) || !(height > 0)) throw new Error('A chart SVG must give its width and height in numbers');
  return { width, height };
}

function image(writer: BlockWriter, svg: string, alt: string): void {
  const size = svgSize(svg);
  const block: ImageBlock = {
    kind: 'image',
    svg,
    width: chartPoints,
    naturalWidth: size.width,
    naturalHeight: size.height,
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
  image(writer, factorScoreChartSvg(rows, { ...frame(writer, 'scores', heading), texts: scoreTexts(context) }), heading);
}

/** Only ever called for a shown result: a withheld factor has no distribution to draw. */
export function distributionChart(writer: BlockWriter, factor: GuideFactor, result: ShownFactorResult): void {
  const { context } = writer;
  const { labels } = context;
  const heading = `${context.factorTitle(factor.id)}: ${labels.distributionTitle}`;
  const rows = distributionChartRows(context.data.guide, result, context.language);
  const texts = { notApplicable: labels.notApplicable, withheld: labels.withheld, noAnswers: labels.noAnswers, axis: labels.distributionAxis };
  image(writer, distributionChartSvg(rows, { ...frame(writer, 'distribution', heading), texts }), heading);
}

export function groupComparisonChart(writer: BlockWriter): void {
  const { context } = writer;
  const { data, labels } = context;
  const columns = [...data.result.groups.map((group) => ({ label: group.group, factors: group.factors })), { label: labels.whole, factors: data.result.factors }];
  const chartData = groupComparisonChartData(data.guide, columns, context.language);
  image(writer, groupComparisonChartSvg(chartData, { ...frame(writer, 'groups', labels.groupChartTitle), texts: scoreTexts(context) }), labels.groupChartTitle);
}
