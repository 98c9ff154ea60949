// The frame of a 0–100 score chart: title and light legend above the rows, the score axis with its grid under them, as one SVG document.
import { chartMargin, chartTitle, legend, lightLegendEntries, valueAxis } from './chart-parts';
import type { ChartFrameOptions, ScoreChartTexts } from './chart-types';
import { lightPatternDefs } from './light-style';
import { svgDocument } from './svg';

export interface ScoreChartFrameOptions extends ChartFrameOptions {
  texts: ScoreChartTexts;
}

/** `drawRows` draws the rows from `top` down and says where they end; `plot` is where the 0–100 axis lies. */
export function scoreChartFrame(
  options: ScoreChartFrameOptions,
  plot: { x: number; width: number },
  drawRows: (top: number) => { rows: readonly string[]; bottom: number },
): string {
  const width = options.width ?? 760;
  const prefix = options.idPrefix ?? 'kc';
  const title = chartTitle(options.title, chartMargin, chartMargin);
  const key = legend(lightLegendEntries(prefix, options.texts), chartMargin, title.bottom, width - 2 * chartMargin);
  const top = key.bottom + 4;
  const { rows, bottom } = drawRows(top);
  const axis = valueAxis([0, 20, 40, 60, 80, 100], String, { x: plot.x, width: plot.width, top, bottom: bottom + 2 }, options.texts.axis);
  return svgDocument({
    width,
    height: axis.bottom + chartMargin,
    title: options.title,
    description: options.description,
    language: options.language,
    defs: lightPatternDefs(prefix),
    // The grid goes under the bars.
    body: [title.svg, key.svg, axis.svg, ...rows].join(''),
  });
}
