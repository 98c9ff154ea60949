// pdfkit lays a text out (EmbeddedFont.layout) in pieces that end after each space or tab, each
// piece from its per-font cache, and adds up the pieces' widths and glyphs. It is asked for every
// word pdfmake measures (with its leading and trailing spaces again), and, when the page is drawn,
// for every text's glyphs and then once more for its width: about 30,000 layouts for the demo's
// formal report, each cutting the text into new strings, looking every piece up in a cache of
// thousands of strings, summing every piece's glyph advances again (a getter on the run) and
// growing its arrays by concat. The same layout, with a text's width remembered per font (a
// width-only layout of a text laid out before is one lookup), each piece's run and width
// remembered beside pdfkit's cache, and the glyphs and positions appended in place. The results
// are pdfkit's: the same pieces, asked of pdfkit's cache in the same order the first time (so
// fontkit shapes the same pieces at the same moments), the same run objects, the widths added in
// the same order. A piece's width is its run's advanceWidth when first cached: pdfkit scales a
// run's positions once, when it is made (layoutRun), and neither it nor pdfmake changes them
// after (pdfkit's word spacing copies a position before changing it). Layouts with font features,
// or of a font without pdfkit's cache, take pdfkit's own path. Installed once per process on
// pdfkit's font class, found from the first font a document opens, and only if its layout is the
// one this was written against (pdfkit 0.19.1: the source's SHA-256 below). Checked against an untouched pdfkit by tests/unit/report-pdf-font-layout.test.ts (run it after updating pdfkit).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

interface EmbeddedFont {
  layoutCache?: Record<string, LayoutRun>;
  layoutCached(text: string): LayoutRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

interface FontPrototype extends EmbeddedFont {
  layoutShortcut?: true;
}

interface PdfkitDocument {
  _font?: object;
  font(...args: unknown[]): unknown;
}

/** SHA-256 of pdfkit 0.19.1's EmbeddedFont.prototype.layout source text. */
const knownLayoutSource = '1bf021e3cd3ce4ae6282962e0eed695993014f2c2caa2a17659fba594ec61d07';

const sourceHash = (fn: unknown) => createHash('sha256').update(String(fn)).digest('hex');

interface Piece {
  run: LayoutRun;
  width: number;
}

interface Remembered {
  pieces: Map<string, Piece>;
  widths: Map<string, number>;
}

const remembered = new WeakMap<EmbeddedFont, Remembered>();

function rememberedFor(font: EmbeddedFont): Remembered {
  let own = remembered.get(font);
  if (!own) {
    own = { pieces: new Map(), widths: new Map() };
    remembered.set(font, own);
  }
  return own;
}

function pieceOf(font: EmbeddedFont, own: Remembered, text: string): Piece {
  let piece = own.pieces.get(text);
  if (!piece) {
    const run = font.layoutCached(text);
    piece = { run, width: run.advanceWidth };
    own.pieces.set(text, piece);
  }
  return piece;
}

/** EmbeddedFont.layout without features, for a font with pdfkit's layout cache (see above). */
function layout(font: EmbeddedFont, text: string, onlyWidth: boolean) {
  const own = rememberedFor(font);
  if (onlyWidth) {
    const known = own.widths.get(text);
    if (known !== undefined) return { glyphs: null, positions: null, advanceWidth: known };
  }
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  const add = (pieceText: string) => {
    const piece = pieceOf(font, own, pieceText);
    if (glyphs && positions) {
      const run = piece.run;
      for (let i = 0; i < run.glyphs.length; i++) glyphs.push(run.glyphs[i]);
      for (let i = 0; i < run.positions.length; i++) positions.push(run.positions[i]);
    }
    advanceWidth += piece.width;
  };
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09) {
      add(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) add(text.slice(last));
  own.widths.set(text, advanceWidth);
  return { glyphs, positions, advanceWidth };
}

function install(prototype: FontPrototype): void {
  if (prototype.layoutShortcut !== undefined) return;
  const original = prototype.layout;
  if (
    typeof original !== 'function' ||
    typeof prototype.layoutCached !== 'function' ||
    sourceHash(original) !== knownLayoutSource
  ) {
    Object.defineProperty(prototype, 'layoutShortcut', { value: false, configurable: true });
    return;
  }
  prototype.layout = function (this: EmbeddedFont, text, features, onlyWidth) {
    if (features || !this.layoutCache || typeof text !== 'string') return original.call(this, text, features, onlyWidth);
    return layout(this, text, !!onlyWidth);
  };
  prototype.layoutShortcut = true;
}

export function installFontLayoutShortcut(): boolean {
  const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const pdfkit = requireFromPdfmake('pdfkit') as { prototype?: PdfkitDocument & { fontLayoutShortcut?: true } };
  const prototype = pdfkit.prototype;
  if (!prototype || typeof prototype.font !== 'function') return false;
  if (prototype.fontLayoutShortcut) return true;
  const font = prototype.font;
  // pdfkit's font class is not exported: it is taken from the first embedded font a document opens.
  prototype.font = function (this: PdfkitDocument, ...args: unknown[]) {
    const result = font.apply(this, args);
    const opened = this._font && (Object.getPrototypeOf(this._font) as FontPrototype | null);
    if (opened && opened.layoutShortcut === undefined && typeof opened.layoutCached === 'function') install(opened);
    return result;
  };
  prototype.fontLayoutShortcut = true;
  return true;
}
