// Parts the charts share: title, legend, the 0–100 axis, threshold bands, a bar with its score label.
import { formatScore, noScore } from '../score-format';
import type { TrafficLight } from '../traffic-light';
import type { ChartScore, ChartThresholds, ScoreChartTexts } from './chart-types';
import type { ChartLine, ChartRect, ChartShape, ChartStroke, ChartText } from './drawing';
import { lightFill, lightMarker, trafficLights, zoneTints } from './light-style';
import { estimateTextWidth, gridLine, ink, mutedInk } from './svg';

export const chartMargin = 16;
export const labelFontSize = 12;
export const titleFontSize = 15;
const legendSymbolWidth = 16;

const dashedLine: ChartStroke = { colour: ink, width: 1.5, dash: [3, 2] };

/** The chart's heading; returns the y below it. */
export function chartTitle(title: string | undefined, x: number, y: number): { shapes: ChartShape[]; bottom: number } {
  if (!title) return { shapes: [], bottom: y };
  return { shapes: [{ kind: 'text', text: title, x, y: y + titleFontSize, size: titleFontSize, bold: true, colour: ink }], bottom: y + titleFontSize + 10 };
}

export interface LegendEntry {
  /** Drawn in a 16 × 12 box at 0,0. */
  symbol: ChartRect | ChartLine;
  label: string;
}

/** Entries in a row, wrapping to a new line when the width runs out. */
export function legend(entries: readonly LegendEntry[], x: number, y: number, maxWidth: number): { shapes: ChartShape[]; bottom: number } {
  const lineHeight = 18;
  let cx = x;
  let cy = y;
  const shapes: ChartShape[] = [];
  for (const entry of entries) {
    const width = legendSymbolWidth + 5 + estimateTextWidth(entry.label, labelFontSize) + 16;
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      cy += lineHeight;
    }
    shapes.push({ kind: 'group', at: { x: Math.round(cx), y: Math.round(cy) }, shapes: [entry.symbol] });
    shapes.push({ kind: 'text', text: entry.label, x: cx + legendSymbolWidth + 5, y: cy + 10, size: labelFontSize, colour: ink });
    cx += width;
  }
  return { shapes, bottom: entries.length ? cy + lineHeight + 4 : y };
}

/** Legend entries for the three lights and, when texts name them, the threshold lines. */
export function lightLegendEntries(texts: ScoreChartTexts): LegendEntry[] {
  const entries: LegendEntry[] = trafficLights.map((light) => ({
    symbol: { kind: 'rect', x: 0, y: 1, width: 16, height: 10, fill: lightFill(light), stroke: { colour: ink, width: 1 } },
    label: texts.lights[light],
  }));
  if (texts.thresholds) {
    entries.push({ symbol: { kind: 'line', x1: 8, y1: 0, x2: 8, y2: 12, stroke: dashedLine }, label: texts.thresholds });
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
): { shapes: ChartShape[]; bottom: number } {
  const shapes: ChartShape[] = [];
  for (const tick of ticks) {
    const x = plotPosition(tick, plot.x, plot.width);
    shapes.push({ kind: 'line', x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: { colour: gridLine, width: 1 } });
    shapes.push({ kind: 'text', text: tickLabel(tick), x, y: plot.bottom + 14, size: 11, colour: mutedInk, anchor: 'middle' });
  }
  shapes.push({ kind: 'line', x1: plot.x, y1: plot.bottom, x2: plot.x + plot.width, y2: plot.bottom, stroke: { colour: ink, width: 1 } });
  let bottom = plot.bottom + 20;
  if (caption) {
    shapes.push({ kind: 'text', text: caption, x: plot.x + plot.width / 2, y: bottom + 12, size: labelFontSize, colour: ink, anchor: 'middle' });
    bottom += 18;
  }
  return { shapes, bottom };
}

/** The three zones of a factor's lights as pale bands from 0 to 100. */
export function thresholdBands(thresholds: ChartThresholds, plotX: number, plotWidth: number, y: number, height: number): ChartRect[] {
  const { lower, upper } = thresholds;
  const zones: [number, number, TrafficLight][] =
    thresholds.direction === 'higherIsBetter'
      ? [[0, lower, 'red'], [lower, upper, 'yellow'], [upper, 100, 'green']]
      : [[0, lower, 'green'], [lower, upper, 'yellow'], [upper, 100, 'red']];
  return zones.flatMap(([from, to, light]): ChartRect[] => {
    const x1 = plotPosition(from, plotX, plotWidth);
    const x2 = plotPosition(to, plotX, plotWidth);
    return x2 > x1 ? [{ kind: 'rect', x: x1, y, width: x2 - x1, height, fill: zoneTints[light] }] : [];
  });
}

/** Dashed lines at the thresholds, readable where colour is not. */
export function thresholdLines(thresholds: ChartThresholds, plotX: number, plotWidth: number, y1: number, y2: number): ChartLine[] {
  return [thresholds.lower, thresholds.upper].map((value) => {
    const x = plotPosition(value, plotX, plotWidth);
    return { kind: 'line', x1: x, y1, x2: x, y2, stroke: dashedLine };
  });
}

export interface ScoreBarGeometry {
  plotX: number;
  plotWidth: number;
  centerY: number;
  barHeight: number;
  /** How far up and down from the centre the threshold lines reach. */
  lineReach: number;
  locale: string;
}

/** A score as a bar from 0 over its factor's threshold bands, with its number and light name after
 * it; a withheld score as its note only, with no bar, no band and no number; a missing score as "–". */
export function scoreBar(value: ChartScore, geometry: ScoreBarGeometry, texts: ScoreChartTexts, thresholds?: ChartThresholds): ChartShape[] {
  const { plotX, plotWidth, centerY, barHeight, lineReach, locale } = geometry;
  const baseline = centerY + labelFontSize * 0.35;
  const label = (text: string, look: Partial<ChartText> = {}): ChartText => ({ kind: 'text', text, x: plotX + 6, y: baseline, size: labelFontSize, colour: ink, ...look });
  if (value.suppressed) return [label(value.note ?? texts.withheld, { italic: true })];
  const shapes: ChartShape[] = [];
  if (thresholds) shapes.push(...thresholdBands(thresholds, plotX, plotWidth, centerY - barHeight / 2 - 3, barHeight + 6));
  if (value.score === null) {
    if (thresholds) shapes.push(...thresholdLines(thresholds, plotX, plotWidth, centerY - lineReach, centerY + lineReach));
    shapes.push(label(texts.noScore ?? noScore, { halo: true }));
    return shapes;
  }
  const end = plotPosition(value.score, plotX, plotWidth);
  shapes.push({
    kind: 'rect',
    x: plotX,
    y: centerY - barHeight / 2,
    width: Math.max(end - plotX, 1),
    height: barHeight,
    fill: value.light ? lightFill(value.light) : mutedInk,
    stroke: { colour: ink, width: 1 },
  });
  if (thresholds) shapes.push(...thresholdLines(thresholds, plotX, plotWidth, centerY - lineReach, centerY + lineReach));
  let x = end + 6;
  if (value.light) {
    shapes.push(lightMarker(value.light, x, centerY - 5, 10));
    x += 14;
  }
  const text = formatScore(value.score, { locale }) + (value.light ? ` ${texts.lights[value.light]}` : '');
  shapes.push(label(text, { x, bold: true, halo: true }));
  return shapes;
}

/** Room to leave right of the plot for the label after a bar that reaches 100. */
export function scoreLabelRoom(texts: ScoreChartTexts): number {
  const longestLight = Math.max(...trafficLights.map((light) => estimateTextWidth(` ${texts.lights[light]}`, labelFontSize)));
  return 6 + 14 + estimateTextWidth('100', labelFontSize) * 1.1 + longestLight + 4;
}
