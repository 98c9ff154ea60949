// Answers per item as a standalone SVG: one stacked bar per item, a segment per scale option and one for "not applicable".
import { chartMargin, chartTitle, labelFontSize, labelHalo, legend, type LegendEntry, valueAxis } from './chart-parts';
import type { ChartFrameOptions } from './chart-types';
import { el, estimateTextWidth, ink, svgDocument, textElement, textLines, wrapText } from './svg';

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

function notApplicableDefs(prefix: string): string {
  return el(
    'pattern',
    { id: `${prefix}-not-applicable`, patternUnits: 'userSpaceOnUse', width: 5, height: 5 },
    el('rect', { x: 0, y: 0, width: 5, height: 5, fill: '#ffffff' }),
    el('circle', { cx: 2.5, cy: 2.5, r: 0.9, fill: '#4a5560' }),
  );
}

function legendEntries(rows: readonly DistributionChartRow[], prefix: string, texts: DistributionChartTexts): LegendEntry[][] {
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
        symbol: el('rect', { x: 0, y: 1, width: 16, height: 10, fill: optionColour(i, labels.length).fill, stroke: ink, 'stroke-width': 0.75 }),
        label,
      })),
    );
  }
  if (lines.length) {
    lines[lines.length - 1].push({
      symbol: el('rect', { x: 0, y: 1, width: 16, height: 10, fill: `url(#${prefix}-not-applicable)`, stroke: ink, 'stroke-width': 0.75 }),
      label: texts.notApplicable,
    });
  }
  return lines;
}

export function distributionChartSvg(rows: readonly DistributionChartRow[], options: DistributionChartOptions): string {
  const width = options.width ?? 760;
  const prefix = options.idPrefix ?? 'kc';
  const percent = new Intl.NumberFormat(options.locale ?? 'nb', { style: 'percent', maximumFractionDigits: 0 });
  const { texts } = options;

  const labelWidth = Math.min(320, width * 0.4);
  const plotX = chartMargin + labelWidth + 10;
  const plotWidth = Math.max(100, width - plotX - chartMargin - 8);

  const parts: string[] = [];
  const title = chartTitle(options.title, chartMargin, chartMargin);
  parts.push(title.svg);
  let legendBottom = title.bottom;
  for (const line of legendEntries(rows, prefix, texts)) {
    const drawn = legend(line, chartMargin, legendBottom, width - 2 * chartMargin);
    parts.push(drawn.svg);
    legendBottom = drawn.bottom;
  }

  const top = legendBottom + 4;
  let y = top;
  for (const row of rows) {
    const lines = wrapText(row.label, labelWidth, labelFontSize, 4);
    const height = Math.max(32, lines.length * lineHeight + 10);
    const centerY = y + height / 2;
    const baseline = centerY + labelFontSize * 0.35;
    const content = [textLines(lines, chartMargin, centerY, labelFontSize)];
    if (row.suppressed) {
      content.push(textElement(row.note ?? texts.withheld, { x: plotX + 6, y: baseline, 'font-size': labelFontSize, 'font-style': 'italic', fill: ink }));
    } else {
      const segments = [
        ...row.options.map((option, i) => ({ count: option.count, ...optionColour(i, row.options.length), halo: false })),
        { count: row.notApplicable, fill: `url(#${prefix}-not-applicable)`, text: ink, halo: true },
      ];
      const total = segments.reduce((sum, segment) => sum + segment.count, 0);
      if (total === 0) {
        content.push(textElement(texts.noAnswers, { x: plotX + 6, y: baseline, 'font-size': labelFontSize, fill: ink }));
      }
      let x = plotX;
      for (const segment of total > 0 ? segments : []) {
        if (segment.count <= 0) continue;
        const segmentWidth = (segment.count / total) * plotWidth;
        content.push(el('rect', { x, y: centerY - barHeight / 2, width: segmentWidth, height: barHeight, fill: segment.fill, stroke: ink, 'stroke-width': 0.75 }));
        const label = String(segment.count);
        if (estimateTextWidth(label, labelFontSize) + 4 <= segmentWidth) {
          content.push(
            textElement(label, {
              x: x + segmentWidth / 2,
              y: baseline,
              'font-size': labelFontSize,
              'font-weight': 700,
              fill: segment.text,
              'text-anchor': 'middle',
              // The dots of "not applicable" would cut through the digits.
              ...(segment.halo ? labelHalo : {}),
            }),
          );
        }
        x += segmentWidth;
      }
    }
    parts.push(el('g', { class: 'chart-row' }, ...content));
    y += height;
  }

  const axis = valueAxis([0, 25, 50, 75, 100], (value) => percent.format(value / 100), { x: plotX, width: plotWidth, top, bottom: y + 2 }, texts.axis);
  parts.splice(1, 0, axis.svg);

  return svgDocument({
    width,
    height: axis.bottom + chartMargin,
    title: options.title,
    description: options.description,
    language: options.language,
    defs: notApplicableDefs(prefix),
    body: parts.join(''),
  });
}
