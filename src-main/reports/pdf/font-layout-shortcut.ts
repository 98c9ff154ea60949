// pdfkit's text layout (EmbeddedFont.layout) with each text's width and each piece's run remembered per font.
//
// pdfkit cuts a text into pieces that end after each space or tab, takes each piece's run from its
// per-font cache, and adds up the pieces' widths and glyphs; it is asked for every word pdfmake
// measures and, when a page is drawn, for every text's glyphs and again for its width (counts in
// bench/NOTES.md, h-pdfcuts). Each time it cuts new strings, looks every piece up again, sums every
// piece's glyph advances again (a getter on the run) and grows its arrays by concat. Here a
// width-only layout of a text laid out before is one lookup, and a full layout pushes the pieces'
// glyphs and positions into fresh arrays. The results are pdfkit's: the same pieces, asked of
// pdfkit's cache in the same order the first time (so fontkit shapes the same pieces at the same
// moments), the same run, glyph and position objects, the widths added in the same order.
// A piece's width is its run's advanceWidth when first cached. pdfkit sums it again each time, so
// a caller that changed a returned position object in place would change pdfkit's later widths
// but not these; no caller does: pdfkit scales a run's positions once, when it makes the run
// (layoutRun), its drawing (_fragment) copies a position before adding word spacing to it, and
// pdfmake and the reports never touch glyph positions (tests/unit/report-pdf-font-layout.test.ts
// checks that the cached runs are unchanged after drawing). Layouts with font features, or of a
// font without pdfkit's cache, take pdfkit's own path. Installed once per process on pdfkit's font
// class, found from the first font a document opens, and only if every pdfkit function this relies
// on has the source it was written against (pdfkit 0.19.1: the SHA-256s below); run that test
// after updating pdfkit.
import { loadPdfkit } from '../report-libraries';
import { sha256 } from '../report-files';

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

/** SHA-256 of the source texts of the pdfkit 0.19.1 functions the remembered runs and widths rely on. */
const knownSources = {
  layout: '1bf021e3cd3ce4ae6282962e0eed695993014f2c2caa2a17659fba594ec61d07',
  layoutCached: '71aacd96de20a733a4f11a85c2b45c0c1b4a669767e29de56f0184c828945098',
  layoutRun: 'a860ec491bf13a9b0262464433380a4a9fc1352626c052b05e120f556055b07b',
  /** The drawing: it copies a position before adding word spacing (see above). */
  _fragment: '3582fda36bf1094e2d32ba43632ed9800c88041af73d8a2864b454df288c47be',
};

const sourceHash = (fn: unknown) => sha256(Buffer.from(String(fn)));

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

/** Whether the shortcut is on pdfkit's font class: undefined until a document opens a font. */
let fontClassInstalled: boolean | undefined;

/** Whether pdfkit's font class has the shortcut (false: its source is not the one known here). */
export function fontLayoutShortcutInstalled(): boolean | undefined {
  return fontClassInstalled;
}

const hasKnownSource = (owner: object, name: keyof typeof knownSources) =>
  sourceHash((owner as Record<string, unknown>)[name]) === knownSources[name];

function install(prototype: FontPrototype): void {
  if (prototype.layoutShortcut !== undefined) return;
  const original = prototype.layout;
  if (!hasKnownSource(prototype, 'layout') || !hasKnownSource(prototype, 'layoutCached') || !hasKnownSource(prototype, 'layoutRun')) {
    Object.defineProperty(prototype, 'layoutShortcut', { value: false, configurable: true });
    fontClassInstalled = false;
    return;
  }
  prototype.layout = function (this: EmbeddedFont, text, features, onlyWidth) {
    if (features || !this.layoutCache || typeof text !== 'string') return original.call(this, text, features, onlyWidth);
    return layout(this, text, !!onlyWidth);
  };
  prototype.layoutShortcut = true;
  fontClassInstalled = true;
}

/** Installs the shortcut on the font class of the first font a pdfkit document opens; false if
 * pdfkit's drawing is not the one known here. */
export function installFontLayoutShortcut(): boolean {
  const pdfkit = loadPdfkit() as { prototype?: PdfkitDocument & { fontLayoutShortcut?: true } };
  const prototype = pdfkit.prototype;
  if (!prototype || typeof prototype.font !== 'function' || !hasKnownSource(prototype, '_fragment')) return false;
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
