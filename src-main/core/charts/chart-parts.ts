// Parts the charts share: title, legend, the 0–100 axis, threshold bands, a bar with its score label.
import { formatScore, noScore } from '../score-format';
import type { TrafficLight } from '../traffic-light';
import type { ChartScore, ChartThresholds, ScoreChartTexts } from './chart-types';
import { lightFill, lightMarker, trafficLights, zoneTints } from './light-style';
import { el, estimateTextWidth, gridLine, ink, mutedInk, textElement } from './svg';

export const chartMargin = 16;
export const labelFontSize = 12;
export const titleFontSize = 15;
const legendSymbolWidth = 16;

/** The chart's heading; returns the y below it. */
export function chartTitle(title: string | undefined, x: number, y: number): { svg: string; bottom: number } {
  if (!title) return { svg: '', bottom: y };
  return { svg: textElement(title, { x, y: y + titleFontSize, 'font-size': titleFontSize, 'font-weight': 700, fill: ink }), bottom: y + titleFontSize + 10 };
}

export interface LegendEntry {
  /** Drawn in a 16 × 12 box at 0,0. */
  symbol: string;
  label: string;
}

/** Entries in a row, wrapping to a new line when the width runs out. */
export function legend(entries: readonly LegendEntry[], x: number, y: number, maxWidth: number): { svg: string; bottom: number } {
  const lineHeight = 18;
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const entry of entries) {
    const width = legendSymbolWidth + 5 + estimateTextWidth(entry.label, labelFontSize) + 16;
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      cy += lineHeight;
    }
    parts.push(el('g', { transform: `translate(${Math.round(cx)} ${Math.round(cy)})` }, entry.symbol));
    parts.push(textElement(entry.label, { x: cx + legendSymbolWidth + 5, y: cy + 10, 'font-size': labelFontSize, fill: ink }));
    cx += width;
  }
  return { svg: parts.join(''), bottom: entries.length ? cy + lineHeight + 4 : y };
}

/** Legend entries for the three lights and, when texts name them, the threshold lines. */
export function lightLegendEntries(prefix: string, texts: ScoreChartTexts): LegendEntry[] {
  const entries: LegendEntry[] = trafficLights.map((light) => ({
    symbol: el('rect', { x: 0, y: 1, width: 16, height: 10, fill: lightFill(prefix, light), stroke: ink, 'stroke-width': 1 }),
    label: texts.lights[light],
  }));
  if (texts.thresholds) {
    entries.push({ symbol: el('line', { x1: 8, y1: 0, x2: 8, y2: 12, stroke: ink, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }), label: texts.thresholds });
  }
  return entries;
}

/** Where on the plot a 0–100 value lies (values outside are held at the ends). */
export function plotPosition(value: number, plotX: number, plotWidth: number): number {
  return plotX + (Math.min(100, Math.max(0, value)) / 100) * plotWidth;
}

/** Vertical grid lines with their labels under the plot, and a caption. Returns the y below it all. */
export function valueAxis(
  ticks: readonly number[],
  tickLabel: (value: number) => string,
  plot: { x: number; width: number; top: number; bottom: number },
  caption?: string,
): { svg: string; bottom: number } {
  const parts: string[] = [];
  for (const tick of ticks) {
    const x = plotPosition(tick, plot.x, plot.width);
    parts.push(el('line', { x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: gridLine, 'stroke-width': 1 }));
    parts.push(textElement(tickLabel(tick), { x, y: plot.bottom + 14, 'font-size': 11, fill: mutedInk, 'text-anchor': 'middle' }));
  }
  parts.push(el('line', { x1: plot.x, y1: plot.bottom, x2: plot.x + plot.width, y2: plot.bottom, stroke: ink, 'stroke-width': 1 }));
  let bottom = plot.bottom + 20;
  if (caption) {
    parts.push(textElement(caption, { x: plot.x + plot.width / 2, y: bottom + 12, 'font-size': labelFontSize, fill: ink, 'text-anchor': 'middle' }));
    bottom += 18;
  }
  return { svg: parts.join(''), bottom };
}

/** The three zones of a factor's lights as pale bands from 0 to 100. */
export function thresholdBands(thresholds: ChartThresholds, plotX: number, plotWidth: number, y: number, height: number): string {
  const { lower, upper } = thresholds;
  const zones: [number, number, TrafficLight][] =
    thresholds.direction === 'higherIsBetter'
      ? [[0, lower, 'red'], [lower, upper, 'yellow'], [upper, 100, 'green']]
      : [[0, lower, 'green'], [lower, upper, 'yellow'], [upper, 100, 'red']];
  return zones
    .map(([from, to, light]) => {
      const x1 = plotPosition(from, plotX, plotWidth);
      const x2 = plotPosition(to, plotX, plotWidth);
      return x2 > x1 ? el('rect', { x: x1, y, width: x2 - x1, height, fill: zoneTints[light] }) : '';
    })
    .join('');
}

/** Dashed lines at the thresholds, readable where colour is not. */
export function thresholdLines(thresholds: ChartThresholds, plotX: number, plotWidth: number, y1: number, y2: number): string {
  return [thresholds.lower, thresholds.upper]
    .map((value) => {
      const x = plotPosition(value, plotX, plotWidth);
      return el('line', { x1: x, y1, x2: x, y2, stroke: ink, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' });
    })
    .join('');
}

export interface ScoreBarGeometry {
  plotX: number;
  plotWidth: number;
  centerY: number;
  barHeight: number;
  /** How far up and down from the centre the threshold lines reach. */
  lineReach: number;
  prefix: string;
  locale: string;
}

/** A score as a bar from 0 over its factor's threshold bands, with its number and light name after
 * it; a withheld score as its note only, with no bar, no band and no number; a missing score as "–". */
export function scoreBar(value: ChartScore, geometry: ScoreBarGeometry, texts: ScoreChartTexts, thresholds?: ChartThresholds): string {
  const { plotX, plotWidth, centerY, barHeight, lineReach, prefix, locale } = geometry;
  const baseline = centerY + labelFontSize * 0.35;
  if (value.suppressed) {
    return textElement(value.note ?? texts.withheld, { x: plotX + 6, y: baseline, 'font-size': labelFontSize, 'font-style': 'italic', fill: ink });
  }
  const parts: string[] = [];
  if (thresholds) parts.push(thresholdBands(thresholds, plotX, plotWidth, centerY - barHeight / 2 - 3, barHeight + 6));
  if (value.score === null) {
    if (thresholds) parts.push(thresholdLines(thresholds, plotX, plotWidth, centerY - lineReach, centerY + lineReach));
    parts.push(textElement(texts.noScore ?? noScore, { x: plotX + 6, y: baseline, 'font-size': labelFontSize, fill: ink, ...labelHalo }));
    return parts.join('');
  }
  const end = plotPosition(value.score, plotX, plotWidth);
  parts.push(
    el('rect', {
      x: plotX,
      y: centerY - barHeight / 2,
      width: Math.max(end - plotX, 1),
      height: barHeight,
      fill: value.light ? lightFill(prefix, value.light) : mutedInk,
      stroke: ink,
      'stroke-width': 1,
    }),
  );
  if (thresholds) parts.push(thresholdLines(thresholds, plotX, plotWidth, centerY - lineReach, centerY + lineReach));
  let x = end + 6;
  if (value.light) {
    parts.push(lightMarker(prefix, value.light, x, centerY - 5, 10));
    x += 14;
  }
  const label = formatScore(value.score, { locale }) + (value.light ? ` ${texts.lights[value.light]}` : '');
  parts.push(textElement(label, { x, y: baseline, 'font-size': labelFontSize, 'font-weight': 700, fill: ink, ...labelHalo }));
  return parts.join('');
}

/** A white outline under a label, so a line or pattern behind it does not cut the digits. */
export const labelHalo = { stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

/** Room to leave right of the plot for the label after a bar that reaches 100. */
export function scoreLabelRoom(texts: ScoreChartTexts): number {
  const longestLight = Math.max(...trafficLights.map((light) => estimateTextWidth(` ${texts.lights[light]}`, labelFontSize)));
  return 6 + 14 + estimateTextWidth('100', labelFontSize) * 1.1 + longestLight + 4;
}
