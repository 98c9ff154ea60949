// pdfmake draws a line one inline at a time, and makes one inline of every word: for each word
// pdfkit writes opacity, fill colour, font, a text object with its matrix, the glyphs and the end of
// the text object, about 20 operators, which the page streams then carry and zlib compresses.
// Consecutive inlines of a line drawn alike are now drawn with one text() call of their joined text
// at the first one's place. The glyphs are the same: pdfkit lays text out in pieces that end after
// each space or tab (EmbeddedFont.layout, through its per-piece cache), so inlines are only joined
// after one that ends with a space or tab, where pdfkit would have cut the joined text anyway; and
// the PDF viewer moves from glyph to glyph by the same widths and kerning pdfmake added up for the
// next inline's place (to within pdfkit's rounding of numbers, 0.01 pt at most here).
// Drawn alike means: the same font object, size, colour, opacity and line height, no character
// spacing, font features, sub- or superscript, link, page link, destination, page reference,
// decoration or background, and a line that is not justified (justifying moves every inline).
// Installed once per process on pdfmake's class; a line with nothing to join, or a pdfmake whose
// renderer no longer looks like this, takes pdfmake's own path. Checked against an untouched
// pdfmake by tests/unit/report-pdf-inline-merge.test.ts (run it after updating pdfmake or pdfkit).
import { createRequire } from 'node:module';

/** What of a pdfmake inline this shortcut reads; the rest is copied as it is. */
interface Inline {
  text: string;
  width: number;
  height?: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  alignment?: string;
  justifyShift?: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  sup?: unknown;
  sub?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  decoration?: unknown;
  background?: unknown;
  _pageNodeRef?: unknown;
}

interface Line {
  inlines: Inline[];
  id?: unknown;
  _pageNodeRef?: unknown;
}

interface RendererClass {
  prototype: { renderLine(line: Line, x: number, y: number): void; inlineMergeShortcut?: true };
}

const absent = (value: unknown) => value === undefined || value === null || value === false;

/** An inline pdfkit would draw on its own however it is drawn: it cannot join others. */
function standsAlone(inline: Inline): boolean {
  return (
    typeof inline.text !== 'string' ||
    inline.text.includes('\n') ||
    typeof inline.width !== 'number' ||
    !!inline.characterSpacing ||
    !absent(inline.fontFeatures) ||
    !absent(inline.sup) ||
    !absent(inline.sub) ||
    !absent(inline.link) ||
    !absent(inline.linkToPage) ||
    !absent(inline.linkToDestination) ||
    !absent(inline.decoration) ||
    !absent(inline.background) ||
    !absent(inline._pageNodeRef)
  );
}

const opacityOf = (inline: Inline) => (typeof inline.opacity === 'number' ? inline.opacity : 1);

/** Whether `next` is drawn with the same operators as `first`, pdfmake's renderer step for step. */
function drawnAlike(first: Inline, next: Inline): boolean {
  return next.font === first.font && next.fontSize === first.fontSize && next.color === first.color && opacityOf(next) === opacityOf(first) && next.height === first.height;
}

/** pdfkit cuts a text into pieces after each space or tab (EmbeddedFont.layout). */
const endsPiece = (text: string) => text.endsWith(' ') || text.endsWith('\t');

/**
 * The line's inlines with those drawn alike joined, or null when nothing is joined (then pdfmake
 * draws the line itself). A joined inline is the first one's copy with the joined text and width.
 */
export function joinedInlines(line: Line): Inline[] | null {
  const inlines = line.inlines;
  if (!Array.isArray(inlines) || inlines.length < 2 || line._pageNodeRef) return null;
  if (inlines[0].alignment === 'justify' || inlines.some((inline) => inline.justifyShift)) return null;
  const joined: Inline[] = [];
  let group: Inline[] = [];
  let changed = false;
  const close = () => {
    if (group.length === 1) joined.push(group[0]);
    else if (group.length > 1) {
      joined.push({ ...group[0], text: group.map((inline) => inline.text).join(''), width: group.reduce((sum, inline) => sum + inline.width, 0) });
      changed = true;
    }
    group = [];
  };
  let text = '';
  for (const inline of inlines) {
    if (standsAlone(inline)) {
      close();
      joined.push(inline);
      continue;
    }
    if (group.length && endsPiece(text) && drawnAlike(group[0], inline)) {
      group.push(inline);
      text += inline.text;
      continue;
    }
    close();
    group.push(inline);
    text = inline.text;
  }
  close();
  return changed ? joined : null;
}

/** pdfmake's Renderer class, as its renderer module exports it. */
function rendererClass(): RendererClass | null {
  const require = createRequire(import.meta.url);
  const module = require('pdfmake/js/Renderer') as { default?: RendererClass };
  return module.default && typeof module.default.prototype?.renderLine === 'function' ? module.default : null;
}

export function installInlineMergeShortcut(): boolean {
  const renderer = rendererClass();
  if (!renderer) return false;
  const prototype = renderer.prototype;
  if (prototype.inlineMergeShortcut) return true;
  const renderLine = prototype.renderLine;
  prototype.renderLine = function (this: unknown, line: Line, x: number, y: number) {
    const joined = joinedInlines(line);
    if (!joined) return renderLine.call(this, line, x, y);
    // pdfmake's own drawing of the line, given the joined inlines; the line keeps its own.
    const own = line.inlines;
    line.inlines = joined;
    try {
      return renderLine.call(this, line, x, y);
    } finally {
      line.inlines = own;
    }
  };
  prototype.inlineMergeShortcut = true;
  return true;
}
