// Answers per item as a chart: one stacked bar per item, a segment per scale option and one for "not applicable".
import { chartMargin, chartTitle, labelFontSize, legend, type LegendEntry, valueAxis } from './chart-parts';
import type { ChartFrameOptions } from './chart-types';
import { chartSvg, textLines, type ChartDrawing, type ChartPaint, type ChartPattern, type ChartShape } from './drawing';
import { estimateTextWidth, ink, mutedInk, wrapText } from './svg';

export interface DistributionOption {
  /** The option's label on the item's scale, e.g. "Ofte". */
  label: string;
  /** Respondents who gave it. */
  count: number;
}

export type DistributionChartRow =
  | {
      suppressed?: false;
      /** The item's text in the reader's language. */
      label: string;
      /** The scale's options, lowest value first. */
      options: readonly DistributionOption[];
      notApplicable: number;
    }
  | { suppressed: true; label: string; note?: string };

export interface DistributionChartTexts {
  notApplicable: string;
  /** Shown for a withheld row. */
  withheld: string;
  /** Shown for an item nobody answered. */
  noAnswers: string;
  /** Caption under the percentage axis, e.g. "Andel av svarene". */
  axis?: string;
}

export interface DistributionChartOptions extends ChartFrameOptions {
  texts: DistributionChartTexts;
}

const barHeight = 20;
const lineHeight = labelFontSize * 1.25;

/** A light-to-dark blue ramp (readable as grey steps in print), the lowest option lightest. */
function optionColour(index: number, count: number): { fill: string; text: string } {
  const t = count <= 1 ? 0.5 : index / (count - 1);
  const from = [0xe3, 0xee, 0xfa];
  const to = [0x08, 0x30, 0x6b];
  const channel = (i: number) => Math.round(from[i] + (to[i] - from[i]) * t).toString(16).padStart(2, '0');
  return { fill: `#${channel(0)}${channel(1)}${channel(2)}`, text: t > 0.45 ? '#ffffff' : ink };
}

const notApplicableFill: ChartPaint = { pattern: 'not-applicable' };

const notApplicablePattern: ChartPattern = {
  name: 'not-applicable',
  size: 5,
  background: '#ffffff',
  marks: [{ kind: 'circle', cx: 2.5, cy: 2.5, r: 0.9, fill: mutedInk }],
};

const segmentStroke = { colour: ink, width: 0.75 };

function legendEntries(rows: readonly DistributionChartRow[], texts: DistributionChartTexts): LegendEntry[][] {
  // Items of one factor may use different scales: one legend line per scale, each once.
  const seen = new Set<string>();
  const lines: LegendEntry[][] = [];
  for (const row of rows) {
    if (row.suppressed) continue;
    const labels = row.options.map((option) => option.label);
    const key = JSON.stringify(labels);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      labels.map((label, i) => ({
        symbol: { kind: 'rect', x: 0, y: 1, width: 16, height: 10, fill: optionColour(i, labels.length).fill, stroke: segmentStroke },
        label,
      })),
    );
  }
  if (lines.length) {
    lines[lines.length - 1].push({
      symbol: { kind: 'rect', x: 0, y: 1, width: 16, height: 10, fill: notApplicableFill, stroke: segmentStroke },
      label: texts.notApplicable,
    });
  }
  return lines;
}

export function distributionChart(rows: readonly DistributionChartRow[], options: DistributionChartOptions): ChartDrawing {
  const width = options.width ?? 760;
  const percent = new Intl.NumberFormat(options.locale ?? 'nb', { style: 'percent', maximumFractionDigits: 0 });
  const { texts } = options;

  const labelWidth = Math.min(320, width * 0.4);
  const plotX = chartMargin + labelWidth + 10;
  const plotWidth = Math.max(100, width - plotX - chartMargin - 8);

  const title = chartTitle(options.title, chartMargin, chartMargin);
  const keys: ChartShape[] = [];
  let legendBottom = title.bottom;
  for (const line of legendEntries(rows, texts)) {
    const drawn = legend(line, chartMargin, legendBottom, width - 2 * chartMargin);
    keys.push(...drawn.shapes);
    legendBottom = drawn.bottom;
  }

  const top = legendBottom + 4;
  const rowShapes: ChartShape[] = [];
  let y = top;
  for (const row of rows) {
    const lines = wrapText(row.label, labelWidth, labelFontSize, 4);
    const height = Math.max(32, lines.length * lineHeight + 10);
    const centerY = y + height / 2;
    const baseline = centerY + labelFontSize * 0.35;
    const shapes: ChartShape[] = textLines(lines, chartMargin, centerY, labelFontSize);
    if (row.suppressed) {
      shapes.push({ kind: 'text', text: row.note ?? texts.withheld, x: plotX + 6, y: baseline, size: labelFontSize, italic: true, colour: ink });
    } else {
      const segments = [
        ...row.options.map((option, i) => ({ count: option.count, ...optionColour(i, row.options.length), halo: false })),
        { count: row.notApplicable, fill: notApplicableFill, text: ink, halo: true },
      ];
      const total = segments.reduce((sum, segment) => sum + segment.count, 0);
      if (total === 0) {
        shapes.push({ kind: 'text', text: texts.noAnswers, x: plotX + 6, y: baseline, size: labelFontSize, colour: ink });
      }
      let x = plotX;
      for (const segment of total > 0 ? segments : []) {
        if (segment.count <= 0) continue;
        const segmentWidth = (segment.count / total) * plotWidth;
        shapes.push({ kind: 'rect', x, y: centerY - barHeight / 2, width: segmentWidth, height: barHeight, fill: segment.fill, stroke: segmentStroke });
        const label = String(segment.count);
        if (estimateTextWidth(label, labelFontSize) + 4 <= segmentWidth) {
          // The dots of "not applicable" would cut through the digits: a halo for its count.
          shapes.push({ kind: 'text', text: label, x: x + segmentWidth / 2, y: baseline, size: labelFontSize, bold: true, colour: segment.text, anchor: 'middle', halo: segment.halo });
        }
        x += segmentWidth;
      }
    }
    rowShapes.push({ kind: 'group', role: 'chart-row', shapes });
    y += height;
  }

  const axis = valueAxis([0, 25, 50, 75, 100], (value) => percent.format(value / 100), { x: plotX, width: plotWidth, top, bottom: y + 2 }, texts.axis);

  return {
    width,
    height: axis.bottom + chartMargin,
    title: options.title,
    description: options.description,
    language: options.language,
    idPrefix: options.idPrefix ?? 'kc',
    patterns: [notApplicablePattern],
    shapes: [...title.shapes, ...axis.shapes, ...keys, ...rowShapes],
  };
}

/** The chart as a standalone SVG document. */
export function distributionChartSvg(rows: readonly DistributionChartRow[], options: DistributionChartOptions): string {
  return chartSvg(distributionChart(rows, options));
}
