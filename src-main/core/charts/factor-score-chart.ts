// Factor scores as a standalone SVG: one horizontal bar per factor on 0–100, with threshold bands and the light.
import {
  chartMargin,
  chartTitle,
  labelFontSize,
  legend,
  lightLegendEntries,
  scoreBar,
  scoreLabelRoom,
  valueAxis,
} from './chart-parts';
import type { ChartFrameOptions, ChartScore, ChartThresholds, ScoreChartTexts } from './chart-types';
import { lightPatternDefs } from './light-style';
import { el, svgDocument, textLines, wrapText } from './svg';

export type FactorScoreChartRow = ChartScore & {
  /** The factor's title in the reader's language. */
  label: string;
  /** Omit to draw no bands. */
  thresholds?: ChartThresholds;
};

export interface FactorScoreChartOptions extends ChartFrameOptions {
  texts: ScoreChartTexts;
}

const barHeight = 16;
const lineHeight = labelFontSize * 1.25;

export function factorScoreChartSvg(rows: readonly FactorScoreChartRow[], options: FactorScoreChartOptions): string {
  const width = options.width ?? 760;
  const prefix = options.idPrefix ?? 'kc';
  const locale = options.locale ?? 'nb';
  const { texts } = options;

  const labelWidth = Math.min(260, width * 0.34);
  const plotX = chartMargin + labelWidth + 10;
  const plotWidth = Math.max(100, width - plotX - chartMargin - scoreLabelRoom(texts));

  const parts: string[] = [];
  const title = chartTitle(options.title, chartMargin, chartMargin);
  parts.push(title.svg);
  const key = legend(lightLegendEntries(prefix, texts), chartMargin, title.bottom, width - 2 * chartMargin);
  parts.push(key.svg);

  const top = key.bottom + 4;
  let y = top;
  for (const row of rows) {
    const lines = wrapText(row.label, labelWidth, labelFontSize, 3);
    const height = Math.max(30, lines.length * lineHeight + 10);
    const centerY = y + height / 2;
    const content = [textLines(lines, chartMargin, centerY, labelFontSize)];
    content.push(scoreBar(row, { plotX, plotWidth, centerY, barHeight, lineReach: height / 2 - 3, prefix, locale }, texts, row.thresholds));
    parts.push(el('g', { class: 'chart-row' }, ...content));
    y += height;
  }

  const axis = valueAxis([0, 20, 40, 60, 80, 100], String, { x: plotX, width: plotWidth, top, bottom: y + 2 }, texts.axis);
  // The grid goes under the bars.
  parts.splice(2, 0, axis.svg);

  return svgDocument({
    width,
    height: axis.bottom + chartMargin,
    title: options.title,
    description: options.description,
    language: options.language,
    defs: lightPatternDefs(prefix),
    body: parts.join(''),
  });
}
