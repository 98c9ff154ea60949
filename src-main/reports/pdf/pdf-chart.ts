// The charts in the PDF, drawn from their drawing (core/charts) with pdfkit's own vector and text
// operations, in the report fonts: no SVG is written, parsed or measured on the way. pdfmake lays a
// chart out as the box of an "svg" node; this module teaches pdfmake to size and draw a node whose
// svg is a chart drawing, and leaves every other SVG (a logo) to pdfmake as before.
import { createRequire } from 'node:module';
import type {
  ChartCircle,
  ChartDrawing,
  ChartLine,
  ChartPaint,
  ChartPath,
  ChartPattern,
  ChartShape,
  ChartStroke,
  ChartText,
} from '../../core/charts';
import { haloWidth } from '../../core/charts';
import type { ReportFonts } from '../fonts';
import { bidiLines, ltrInlines, needsBidi, type PdfInline } from './pdf-text';

/** What a pdfmake "svg" node holds in place of SVG text for a chart. */
export interface PdfChart {
  chart: ChartDrawing;
  fonts: ReportFonts;
}

function isPdfChart(svg: unknown): svg is PdfChart {
  return typeof svg === 'object' && svg !== null && 'chart' in svg && 'fonts' in svg;
}

/** pdfmake's PDF document: pdfkit's, with the fonts of the document definition. */
type PdfDocument = PDFKit.PDFDocument & {
  provideFont(family: string, bold: boolean, italics: boolean): PdfFont;
  _font: PdfFont;
  /** pdfkit also takes a whole dash array, as SVG's stroke-dasharray gives it. */
  dash(pattern: number[], options: { phase?: number }): PDFKit.PDFDocument;
  /** The current transformation, which pdfkit keeps (a pattern is fixed in the space it is made in). */
  _ctm: number[];
};

interface PdfFont {
  widthOfString(text: string, size: number): number;
}

/** A laid-out "svg" node as pdfmake renders it: its place on the page and its drawn size. */
interface PlacedSvg {
  svg: unknown;
  x: number;
  y: number;
  _width: number;
  _height: number;
}

const white = '#ffffff';

function applyStroke(doc: PdfDocument, stroke: ChartStroke): void {
  doc.lineWidth(stroke.width).strokeColor(stroke.colour);
  if (stroke.dash?.length) doc.dash([...stroke.dash], {});
  else doc.undash();
}

/** Path data as PDF operators; a pattern's marks use only straight lines (absolute M, L, H, V, Z). */
function straightPathOperators(d: string): string {
  const operators: string[] = [];
  let x = 0;
  let y = 0;
  for (const [, command, rest] of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
    const numbers = rest.trim() ? rest.trim().split(/[\s,]+/).map(Number) : [];
    if (!'MLHVZz'.includes(command) || numbers.some((value) => !Number.isFinite(value))) {
      throw new Error(`A chart pattern's path may only hold straight lines in absolute coordinates: "${d}"`);
    }
    if (command === 'Z' || command === 'z') operators.push('h');
    else if (command === 'H') for (const value of numbers) operators.push(`${(x = value)} ${y} l`);
    else if (command === 'V') for (const value of numbers) operators.push(`${x} ${(y = value)} l`);
    else
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        [x, y] = [numbers[i], numbers[i + 1]];
        operators.push(`${x} ${y} ${command === 'M' && i === 0 ? 'm' : 'l'}`);
      }
  }
  return operators.join(' ');
}

/** Four Bézier arcs, as pdfkit draws a circle. */
function circleOperators({ cx, cy, r }: ChartCircle): string {
  const k = r * (4 * ((Math.SQRT2 - 1) / 3));
  const f = (value: number) => +value.toFixed(4);
  return [
    `${f(cx - r)} ${f(cy)} m`,
    `${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} c`,
    `${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} c`,
    `${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} c`,
    `${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} c`,
    'h',
  ].join(' ');
}

/** The text as SVG shows it (xml:space "default"): line breaks dropped, tabs as spaces, spaces
 * at the ends dropped and runs of them as one. */
function svgSpaces(text: string): string {
  return text.replace(/[\r\n]/g, '').replace(/\t/g, ' ').replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
}

/** A mark of a pattern as the content of a PDF tiling pattern of one colour, and that colour. */
function markContent(mark: ChartLine | ChartPath | ChartCircle): { content: string; colour: string } {
  const lineStyle = (stroke: ChartStroke) => `${stroke.width} w 0 J 0 j`;
  switch (mark.kind) {
    case 'line':
      return { content: `${lineStyle(mark.stroke)} ${mark.x1} ${mark.y1} m ${mark.x2} ${mark.y2} l S`, colour: mark.stroke.colour };
    case 'circle':
      return { content: `${circleOperators(mark)} f`, colour: mark.fill };
    case 'path': {
      if (mark.at || (mark.fill && mark.stroke)) throw new Error('A chart pattern\'s path is either filled or stroked, and not moved');
      if (mark.stroke) return { content: `${lineStyle(mark.stroke)} ${straightPathOperators(mark.d)} S`, colour: mark.stroke.colour };
      if (typeof mark.fill !== 'string') throw new Error('A chart pattern\'s path is filled with a colour');
      return { content: `${straightPathOperators(mark.d)} f`, colour: mark.fill };
    }
  }
}

/** Draws one chart; the patterns are made for the place they are used, as SVG ties a pattern to the
 * user space of the shape it fills. */
class ChartPainter {
  /** The tiling patterns made so far, by pattern and the user space they were made in. */
  private readonly patterns = new Map<string, [PDFKit.PDFTilingPattern, string][]>();

  constructor(
    private readonly doc: PdfDocument,
    private readonly drawing: ChartDrawing,
    private readonly fonts: ReportFonts,
  ) {}

  /** The pattern's marks as tiling patterns of the current user space (a pattern of pdfkit has one
   * colour, so one per mark). */
  private patternMarks(pattern: ChartPattern): [PDFKit.PDFTilingPattern, string][] {
    const key = `${pattern.name}@${this.doc._ctm.join(' ')}`;
    const made = this.patterns.get(key);
    if (made) return made;
    const { doc } = this;
    const marks = pattern.marks.map((mark): [PDFKit.PDFTilingPattern, string] => {
      const { content, colour } = markContent(mark);
      const tile = doc.pattern([0, 0, pattern.size, pattern.size], pattern.size, pattern.size, content);
      doc.save();
      if (pattern.rotate) doc.rotate(pattern.rotate, { origin: [0, 0] });
      // A pattern's matrix is the user space it is first set in: set it here, not where it is used.
      tile.embed();
      doc.restore();
      return [tile, colour];
    });
    this.patterns.set(key, marks);
    return marks;
  }

  /** Fills the path `outline` draws with the paint, then strokes it when asked. */
  private paint(outline: () => void, fill: ChartPaint | undefined, stroke: ChartStroke | undefined): void {
    const { doc } = this;
    if (typeof fill === 'string') {
      outline();
      doc.fillColor(fill);
      if (stroke) {
        applyStroke(doc, stroke);
        doc.fillAndStroke();
      } else doc.fill();
      return;
    }
    if (fill) {
      const pattern = this.drawing.patterns.find((candidate) => candidate.name === fill.pattern);
      if (!pattern) throw new Error(`The chart has no pattern "${fill.pattern}"`);
      outline();
      doc.fillColor(pattern.background).fill();
      for (const [tile, colour] of this.patternMarks(pattern)) {
        outline();
        doc.fillColor([tile, colour]).fill();
      }
    }
    if (stroke) {
      outline();
      applyStroke(doc, stroke);
      doc.stroke();
    }
  }

  private moved(offset: { x: number; y: number } | undefined, draw: () => void): void {
    if (!offset) return draw();
    this.doc.save();
    this.doc.translate(offset.x, offset.y);
    draw();
    this.doc.restore();
  }

  /** The text's pieces in visual order, each in the font that has its characters. */
  private pieces(shape: ChartText): PdfInline[] {
    const runs = [{ text: svgSpaces(shape.text), bold: shape.bold, italic: shape.italic }];
    if (!runs[0].text) return [];
    if (!needsBidi(runs, 'ltr')) return ltrInlines(runs, this.fonts);
    // Left to right as a whole, as the same drawing's SVG (which names no direction) shows it in
    // Word and on screen; right-to-left runs inside it are still reordered.
    return bidiLines(runs, 'ltr', Number.MAX_SAFE_INTEGER, shape.size, this.fonts).flat();
  }

  private text(shape: ChartText): void {
    const { doc } = this;
    const pieces = this.pieces(shape).map((piece) => {
      const font = doc.provideFont(piece.font, !!piece.bold, !!piece.italics);
      return { text: piece.text, font, width: font.widthOfString(piece.text, shape.size) };
    });
    const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
    const start = shape.anchor === 'middle' ? shape.x - width / 2 : shape.x;
    const write = (mode: { fill?: boolean; stroke?: boolean }) => {
      let x = start;
      for (const piece of pieces) {
        doc._font = piece.font;
        doc.fontSize(shape.size);
        // textWidth: pdfkit would measure the piece again for nothing.
        doc.text(piece.text, x, shape.y, { lineBreak: false, baseline: 'alphabetic', textWidth: piece.width, wordCount: 1, ...mode } as PDFKit.Mixins.TextOptions);
        x += piece.width;
      }
    };
    if (shape.halo) {
      doc.save();
      doc.lineWidth(haloWidth).lineJoin('round').strokeColor(white).undash();
      write({ stroke: true, fill: false });
      doc.restore();
    }
    doc.fillColor(shape.colour);
    write({ fill: true });
  }

  draw(shape: ChartShape): void {
    const { doc } = this;
    switch (shape.kind) {
      case 'rect':
        return this.paint(() => doc.rect(shape.x, shape.y, shape.width, shape.height), shape.fill, shape.stroke);
      case 'line':
        doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
        applyStroke(doc, shape.stroke);
        doc.stroke();
        return;
      case 'circle':
        return this.paint(() => doc.circle(shape.cx, shape.cy, shape.r), shape.fill, undefined);
      case 'path':
        return this.moved(shape.at, () => this.paint(() => doc.path(shape.d), shape.fill, shape.stroke));
      case 'text':
        return this.text(shape);
      case 'group':
        return this.moved(shape.at, () => shape.shapes.forEach((child) => this.draw(child)));
    }
  }
}

/** Draws the chart into the box pdfmake gave its node. */
export function drawChart(doc: PdfDocument, placed: PlacedSvg, { chart, fonts }: PdfChart): void {
  const scale = Math.min(placed._width / chart.width, placed._height / chart.height);
  doc.save();
  doc.translate(placed.x + (placed._width - chart.width * scale) / 2, placed.y + (placed._height - chart.height * scale) / 2);
  doc.scale(scale);
  // SVG's defaults, whatever pdfmake drew last.
  doc.lineCap('butt').lineJoin('miter').undash();
  doc.rect(0, 0, chart.width, chart.height).clip();
  doc.rect(0, 0, chart.width, chart.height).fillColor(white).fill();
  const painter = new ChartPainter(doc, chart, fonts);
  for (const shape of chart.shapes) painter.draw(shape);
  doc.restore();
}

interface PdfmakeInternals {
  DocMeasure: { prototype: { measureSVG(node: { svg: unknown }): unknown; measureImageWithDimensions(node: object, size: { width: number; height: number }): void } };
  Renderer: { prototype: { renderSVG(svg: PlacedSvg): void; pdfDocument: PdfDocument } };
}

let taught = false;

/**
 * pdfmake has no node for custom drawing. Its "svg" node is laid out as a box of the SVG's size and
 * drawn by svg-to-pdfkit; for a chart, the size comes from the drawing and the drawing is painted
 * here. Done once per process, on pdfmake's own classes (the same module instances its index uses).
 */
export function teachPdfmakeCharts(): void {
  if (taught) return;
  const require = createRequire(import.meta.url);
  const { DocMeasure, Renderer } = {
    DocMeasure: (require('pdfmake/js/DocMeasure') as { default: PdfmakeInternals['DocMeasure'] }).default,
    Renderer: (require('pdfmake/js/Renderer') as { default: PdfmakeInternals['Renderer'] }).default,
  };
  const measureSvg = DocMeasure.prototype.measureSVG;
  DocMeasure.prototype.measureSVG = function (this: PdfmakeInternals['DocMeasure']['prototype'], node) {
    if (!isPdfChart(node.svg)) return measureSvg.call(this, node);
    this.measureImageWithDimensions(node, { width: node.svg.chart.width, height: node.svg.chart.height });
    return node;
  };
  const renderSvg = Renderer.prototype.renderSVG;
  Renderer.prototype.renderSVG = function (this: PdfmakeInternals['Renderer']['prototype'], svg) {
    if (!isPdfChart(svg.svg)) return renderSvg.call(this, svg);
    drawChart(this.pdfDocument, svg, svg.svg);
  };
  taught = true;
}
