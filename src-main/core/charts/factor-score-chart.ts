// Factor scores as a chart: one horizontal bar per factor on 0–100, with threshold bands and the light.
import { chartMargin, labelFontSize, scoreBar, scoreLabelRoom } from './chart-parts';
import type { ChartScore, ChartThresholds } from './chart-types';
import { chartSvg, textLines, type ChartDrawing, type ChartShape } from './drawing';
import { scoreChartFrame, type ScoreChartFrameOptions } from './score-chart-frame';
import { wrapText } from './svg';

export type FactorScoreChartRow = ChartScore & {
  /** The factor's title in the reader's language. */
  label: string;
  /** Omit to draw no bands. */
  thresholds?: ChartThresholds;
};

export type FactorScoreChartOptions = ScoreChartFrameOptions;

const barHeight = 16;
const lineHeight = labelFontSize * 1.25;

export function factorScoreChart(rows: readonly FactorScoreChartRow[], options: FactorScoreChartOptions): ChartDrawing {
  const width = options.width ?? 760;
  const locale = options.locale ?? 'nb';
  const { texts } = options;

  const labelWidth = Math.min(260, width * 0.34);
  const plotX = chartMargin + labelWidth + 10;
  const plotWidth = Math.max(100, width - plotX - chartMargin - scoreLabelRoom(texts));

  return scoreChartFrame(options, { x: plotX, width: plotWidth }, (top) => {
    const rowShapes: ChartShape[] = [];
    let y = top;
    for (const row of rows) {
      const lines = wrapText(row.label, labelWidth, labelFontSize, 3);
      const height = Math.max(30, lines.length * lineHeight + 10);
      const centerY = y + height / 2;
      const bar = scoreBar(row, { plotX, plotWidth, centerY, barHeight, lineReach: height / 2 - 3, locale }, texts, row.thresholds);
      rowShapes.push({ kind: 'group', role: 'chart-row', shapes: [...textLines(lines, chartMargin, centerY, labelFontSize), ...bar] });
      y += height;
    }
    return { rows: rowShapes, bottom: y };
  });
}

/** The chart as a standalone SVG document. */
export function factorScoreChartSvg(rows: readonly FactorScoreChartRow[], options: FactorScoreChartOptions): string {
  return chartSvg(factorScoreChart(rows, options));
}
