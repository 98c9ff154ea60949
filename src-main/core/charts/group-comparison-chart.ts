// Groups side by side as a standalone SVG: per factor, one bar per group on 0–100, withheld groups marked.
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
import { el, gridLine, svgDocument, textLines, wrapText } from './svg';

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

export interface GroupComparisonChartOptions extends ChartFrameOptions {
  texts: ScoreChartTexts;
}

const subRowHeight = 22;
const barHeight = 14;
const lineHeight = labelFontSize * 1.25;

export function groupComparisonChartSvg(data: GroupComparisonChartData, options: GroupComparisonChartOptions): string {
  const width = options.width ?? 760;
  const prefix = options.idPrefix ?? 'kc';
  const locale = options.locale ?? 'nb';
  const { texts } = options;

  const factorWidth = Math.min(200, width * 0.25);
  const groupX = chartMargin + factorWidth + 10;
  const groupWidth = Math.min(140, width * 0.17);
  const plotX = groupX + groupWidth + 8;
  const plotWidth = Math.max(100, width - plotX - chartMargin - scoreLabelRoom(texts));

  const parts: string[] = [];
  const title = chartTitle(options.title, chartMargin, chartMargin);
  parts.push(title.svg);
  const key = legend(lightLegendEntries(prefix, texts), chartMargin, title.bottom, width - 2 * chartMargin);
  parts.push(key.svg);

  const top = key.bottom + 4;
  let y = top;
  data.factors.forEach((factor, f) => {
    const factorLines = wrapText(factor.label, factorWidth, labelFontSize, 4);
    const groupLines = data.groups.map((group) => wrapText(group, groupWidth, labelFontSize, 1));
    const height = Math.max(data.groups.length * subRowHeight, factorLines.length * lineHeight) + 10;
    const content: string[] = [];
    if (f > 0) content.push(el('line', { x1: chartMargin, y1: y, x2: width - chartMargin, y2: y, stroke: gridLine, 'stroke-width': 1 }));
    content.push(textLines(factorLines, chartMargin, y + height / 2, labelFontSize, { 'font-weight': 700 }));
    const firstCenter = y + 5 + (height - 10 - data.groups.length * subRowHeight) / 2 + subRowHeight / 2;
    data.groups.forEach((_, g) => {
      const centerY = firstCenter + g * subRowHeight;
      const value: ChartScore = factor.values[g] ?? { suppressed: false, score: null, light: null };
      const geometry = { plotX, plotWidth, centerY, barHeight, lineReach: subRowHeight / 2 - 1, prefix, locale };
      content.push(
        el('g', { class: 'chart-cell' }, textLines(groupLines[g], groupX, centerY, labelFontSize), scoreBar(value, geometry, texts, factor.thresholds)),
      );
    });
    parts.push(el('g', { class: 'chart-row' }, ...content));
    y += height;
  });

  const axis = valueAxis([0, 20, 40, 60, 80, 100], String, { x: plotX, width: plotWidth, top, bottom: y + 2 }, texts.axis);
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
