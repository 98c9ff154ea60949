// Groups side by side as a chart: per factor, one bar per group on 0–100, withheld groups marked.
import { chartMargin, labelFontSize, scoreBar, scoreLabelRoom } from './chart-parts';
import type { ChartScore, ChartThresholds } from './chart-types';
import { chartSvg, textLines, type ChartDrawing, type ChartShape } from './drawing';
import { scoreChartFrame, type ScoreChartFrameOptions } from './score-chart-frame';
import { gridLine, wrapText } from './svg';

export interface GroupComparisonChartFactor {
  /** The factor's title in the reader's language. */
  label: string;
  thresholds?: ChartThresholds;
  /** One per group, in the order of `groups`. */
  values: readonly ChartScore[];
}

export interface GroupComparisonChartData {
  /** The groups' labels, e.g. ["Hele kartleggingen", "Dagskift", "Kveldsskift"]. */
  groups: readonly string[];
  factors: readonly GroupComparisonChartFactor[];
}

export type GroupComparisonChartOptions = ScoreChartFrameOptions;

const subRowHeight = 22;
const barHeight = 14;
const lineHeight = labelFontSize * 1.25;

export function groupComparisonChart(data: GroupComparisonChartData, options: GroupComparisonChartOptions): ChartDrawing {
  const width = options.width ?? 760;
  const locale = options.locale ?? 'nb';
  const { texts } = options;

  const factorWidth = Math.min(200, width * 0.25);
  const groupX = chartMargin + factorWidth + 10;
  const groupWidth = Math.min(140, width * 0.17);
  const plotX = groupX + groupWidth + 8;
  const plotWidth = Math.max(100, width - plotX - chartMargin - scoreLabelRoom(texts));

  return scoreChartFrame(options, { x: plotX, width: plotWidth }, (top) => {
    const rowShapes: ChartShape[] = [];
    let y = top;
    data.factors.forEach((factor, f) => {
      const factorLines = wrapText(factor.label, factorWidth, labelFontSize, 4);
      const groupLines = data.groups.map((group) => wrapText(group, groupWidth, labelFontSize, 1));
      const height = Math.max(data.groups.length * subRowHeight, factorLines.length * lineHeight) + 10;
      const shapes: ChartShape[] = [];
      if (f > 0) shapes.push({ kind: 'line', x1: chartMargin, y1: y, x2: width - chartMargin, y2: y, stroke: { colour: gridLine, width: 1 } });
      shapes.push(...textLines(factorLines, chartMargin, y + height / 2, labelFontSize, { bold: true }));
      const firstCenter = y + 5 + (height - 10 - data.groups.length * subRowHeight) / 2 + subRowHeight / 2;
      data.groups.forEach((_, g) => {
        const centerY = firstCenter + g * subRowHeight;
        const value: ChartScore = factor.values[g] ?? { suppressed: false, score: null, light: null };
        const geometry = { plotX, plotWidth, centerY, barHeight, lineReach: subRowHeight / 2 - 1, locale };
        shapes.push({
          kind: 'group',
          role: 'chart-cell',
          shapes: [...textLines(groupLines[g], groupX, centerY, labelFontSize), ...scoreBar(value, geometry, texts, factor.thresholds)],
        });
      });
      rowShapes.push({ kind: 'group', role: 'chart-row', shapes });
      y += height;
    });
    return { rows: rowShapes, bottom: y };
  });
}

/** The chart as a standalone SVG document. */
export function groupComparisonChartSvg(data: GroupComparisonChartData, options: GroupComparisonChartOptions): string {
  return chartSvg(groupComparisonChart(data, options));
}
