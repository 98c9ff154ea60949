// A chart as plain drawing data (shapes and positioned text in chart units), and that drawing as a
// standalone SVG document. The PDF renderer draws the same data as PDF vectors, so the charts'
// geometry lives in one place.
import { chartFontFamily, el, escapeXml, ink, num, type Attributes } from './svg';

/** The fills that are patterns: a traffic light's hatching and the dots of "not applicable". */
export type ChartPatternName = 'light-yellow' | 'light-red' | 'not-applicable';

/** A colour ("#rrggbb") or one of the drawing's patterns. */
export type ChartPaint = string | { pattern: ChartPatternName };

export interface ChartStroke {
  colour: string;
  width: number;
  /** Dash and gap lengths; solid without. */
  dash?: readonly number[];
}

export interface ChartRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: ChartPaint;
  stroke?: ChartStroke;
}

export interface ChartLine {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: ChartStroke;
}

/** SVG path data, drawn moved by `at` when given; a path without fill is only stroked. */
export interface ChartPath {
  kind: 'path';
  d: string;
  at?: { x: number; y: number };
  fill?: ChartPaint;
  stroke?: ChartStroke;
}

export interface ChartCircle {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
}

/** One line of text; y is its baseline, x its start (or its middle, for anchor "middle"). */
export interface ChartText {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  italic?: boolean;
  colour: string;
  anchor?: 'middle';
  /** A white outline under the text, so a line or pattern behind it does not cut the letters. */
  halo?: boolean;
}

/** Shapes that belong together: a chart's row or cell (`role`, the SVG's class), or a legend symbol
 * drawn at `at`. */
export interface ChartGroup {
  kind: 'group';
  role?: 'chart-row' | 'chart-cell';
  at?: { x: number; y: number };
  shapes: ChartShape[];
}

export type ChartShape = ChartRect | ChartLine | ChartPath | ChartCircle | ChartText | ChartGroup;

/** A fill repeated every `size` units of the chart (rotated by `rotate` degrees): a `background`
 * square with `marks` on it, the marks clipped to the square. */
export interface ChartPattern {
  name: ChartPatternName;
  size: number;
  rotate?: number;
  background: string;
  marks: (ChartLine | ChartPath | ChartCircle)[];
}

export interface ChartDrawing {
  width: number;
  height: number;
  /** Heading drawn in the chart and its <title>. */
  title?: string;
  /** A sentence or two for <desc>. */
  description?: string;
  /** The labels' language, written as xml:lang. */
  language?: string;
  /** Prefix of the ids inside the SVG, for documents that inline several charts. */
  idPrefix: string;
  patterns: ChartPattern[];
  /** Drawn in order, the first lowest, on a white page. */
  shapes: ChartShape[];
}

/** Lines of text, the block centred vertically on centerY. */
export function textLines(lines: readonly string[], x: number, centerY: number, size: number, look: Pick<ChartText, 'bold'> = {}): ChartText[] {
  const lineHeight = size * 1.25;
  const firstBaseline = centerY - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
  return lines.map((line, i) => ({ kind: 'text', text: line, x, y: firstBaseline + i * lineHeight, size, colour: ink, ...look }));
}

/** The white halo's outline, as SVG writes it. */
const haloAttributes = { stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;
export const haloWidth = haloAttributes['stroke-width'];

function paintAttribute(paint: ChartPaint, prefix: string): string {
  return typeof paint === 'string' ? paint : `url(#${prefix}-${paint.pattern})`;
}

function strokeAttributes(stroke: ChartStroke | undefined): Attributes {
  if (!stroke) return {};
  return { stroke: stroke.colour, 'stroke-width': stroke.width, 'stroke-dasharray': stroke.dash?.map(num).join(' ') };
}

function shapeSvg(shape: ChartShape, prefix: string): string {
  switch (shape.kind) {
    case 'rect':
      return el('rect', { x: shape.x, y: shape.y, width: shape.width, height: shape.height, fill: paintAttribute(shape.fill, prefix), ...strokeAttributes(shape.stroke) });
    case 'line':
      return el('line', { x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2, ...strokeAttributes(shape.stroke) });
    case 'path':
      return el('path', {
        d: shape.d,
        transform: shape.at ? `translate(${num(shape.at.x)} ${num(shape.at.y)})` : undefined,
        // SVG fills a path black unless told otherwise; a drawing's path without a fill is only stroked.
        fill: shape.fill ? paintAttribute(shape.fill, prefix) : 'none',
        ...strokeAttributes(shape.stroke),
      });
    case 'circle':
      return el('circle', { cx: shape.cx, cy: shape.cy, r: shape.r, fill: shape.fill });
    case 'text': {
      const attributes: Attributes = {
        x: shape.x,
        y: shape.y,
        'font-size': shape.size,
        'font-weight': shape.bold ? 700 : undefined,
        'font-style': shape.italic ? 'italic' : undefined,
        fill: shape.colour,
        'text-anchor': shape.anchor,
        ...(shape.halo ? haloAttributes : {}),
      };
      return el('text', attributes, escapeXml(shape.text));
    }
    case 'group':
      return el(
        'g',
        { class: shape.role, transform: shape.at ? `translate(${num(shape.at.x)} ${num(shape.at.y)})` : undefined },
        ...shape.shapes.map((child) => shapeSvg(child, prefix)),
      );
  }
}

function patternSvg(pattern: ChartPattern, prefix: string): string {
  const { size } = pattern;
  return el(
    'pattern',
    { id: `${prefix}-${pattern.name}`, patternUnits: 'userSpaceOnUse', width: size, height: size, patternTransform: pattern.rotate ? `rotate(${num(pattern.rotate)})` : undefined },
    el('rect', { x: 0, y: 0, width: size, height: size, fill: pattern.background }),
    ...pattern.marks.map((mark) => shapeSvg(mark, prefix)),
  );
}

/** The drawing as a complete SVG file: explicit size and viewBox, a white page, no external references. */
export function chartSvg(drawing: ChartDrawing): string {
  const { width, height, idPrefix } = drawing;
  const defs = drawing.patterns.map((pattern) => patternSvg(pattern, idPrefix)).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width,
        height,
        viewBox: `0 0 ${num(width)} ${num(height)}`,
        'xml:lang': drawing.language,
        'font-family': chartFontFamily,
      },
      drawing.title ? el('title', {}, escapeXml(drawing.title)) : '',
      drawing.description ? el('desc', {}, escapeXml(drawing.description)) : '',
      defs ? el('defs', {}, defs) : '',
      el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
      ...drawing.shapes.map((shape) => shapeSvg(shape, idPrefix)),
    )
  );
}
