// pdfkit sets a fill or stroke colour (ColorMixin._setColorCore) by parsing the colour's text into
// numbers, dividing them by 255 and joining them into the operator's text again, every time: for
// pdfmake's drawing about every inline, line and cell of a report. A colour given as text and
// parsed into numbers (a hex colour or one of pdfkit's named colours: always the same numbers for
// the same text, since pdfkit reads hex and named colours before a document's spot colours) now has
// its colour space and joined numbers remembered; the same operators are written through pdfkit's
// own _setColorSpace and addContent. Spot colours, arrays, gradients, patterns and unknown colours
// take pdfkit's own path. Installed once per process on pdfkit's document class, only if its
// _setColorCore is the one this was written against (pdfkit 0.19.1: the source's SHA-256 below).
// Checked against an untouched pdfkit by tests/unit/report-pdf-color.test.ts (run it after updating pdfkit).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface PdfkitDocument {
  _normalizeColor(color: unknown): unknown;
  _getColorSpace(color: unknown): string;
  _setColorSpace(space: string, stroke: boolean): unknown;
  _setColorCore(color: unknown, stroke: boolean): boolean;
  addContent(content: string): unknown;
}

/** SHA-256 of pdfkit 0.19.1's _setColorCore source text. */
const knownSetColorCoreSource = 'a8a76d8e98af0a51857541e6433eeed3ba0a3d782ad1dcf940cfede33b846051';

/** Per colour text: its colour space and its numbers as pdfkit joins them. */
const parsed = new Map<string, { space: string; numbers: string }>();

export function installColorShortcut(): boolean {
  const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const pdfkit = requireFromPdfmake('pdfkit') as { prototype?: PdfkitDocument & { colorShortcut?: true } };
  const prototype = pdfkit.prototype;
  if (!prototype || typeof prototype._setColorCore !== 'function' || typeof prototype._normalizeColor !== 'function') return false;
  if (prototype.colorShortcut) return true;
  const setColorCore = prototype._setColorCore;
  if (createHash('sha256').update(String(setColorCore)).digest('hex') !== knownSetColorCoreSource) return false;
  prototype._setColorCore = function (this: PdfkitDocument, color: unknown, stroke: boolean) {
    if (typeof color !== 'string') return setColorCore.call(this, color, stroke);
    let known = parsed.get(color);
    if (!known) {
      const normalized = this._normalizeColor(color);
      if (!Array.isArray(normalized)) return setColorCore.call(this, color, stroke);
      known = { space: this._getColorSpace(normalized), numbers: normalized.join(' ') };
      // Reports use a few dozen colours; an open app must not collect them without end.
      if (parsed.size >= 10_000) parsed.clear();
      parsed.set(color, known);
    }
    this._setColorSpace(known.space, stroke);
    this.addContent(`${known.numbers} ${stroke ? 'SCN' : 'scn'}`);
    return true;
  };
  prototype.colorShortcut = true;
  return true;
}
