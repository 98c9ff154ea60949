// The frame of a 0–100 score chart: title and light legend above the rows, the score axis with its grid under them, as one drawing.
import { chartMargin, chartTitle, legend, lightLegendEntries, valueAxis } from './chart-parts';
import type { ChartFrameOptions, ScoreChartTexts } from './chart-types';
import type { ChartDrawing, ChartShape } from './drawing';
import { lightPatterns } from './light-style';

export interface ScoreChartFrameOptions extends ChartFrameOptions {
  texts: ScoreChartTexts;
}

/** `drawRows` draws the rows from `top` down and says where they end; `plot` is where the 0–100 axis lies. */
export function scoreChartFrame(
  options: ScoreChartFrameOptions,
  plot: { x: number; width: number },
  drawRows: (top: number) => { rows: readonly ChartShape[]; bottom: number },
): ChartDrawing {
  const width = options.width ?? 760;
  const title = chartTitle(options.title, chartMargin, chartMargin);
  const key = legend(lightLegendEntries(options.texts), chartMargin, title.bottom, width - 2 * chartMargin);
  const top = key.bottom + 4;
  const { rows, bottom } = drawRows(top);
  const axis = valueAxis([0, 20, 40, 60, 80, 100], String, { x: plot.x, width: plot.width, top, bottom: bottom + 2 }, options.texts.axis);
  return {
    width,
    height: axis.bottom + chartMargin,
    title: options.title,
    description: options.description,
    language: options.language,
    idPrefix: options.idPrefix ?? 'kc',
    patterns: lightPatterns(),
    // The grid goes under the bars.
    shapes: [...title.shapes, ...key.shapes, ...axis.shapes, ...rows],
  };
}
