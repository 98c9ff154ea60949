// What a report does when fontkit throws while shaping a text (a fault of the library or a font, as
// the mark attachment one fixed in mark-attachment-fix.ts): the consultant's report must still be
// issued with the text as written, or not at all with a plain reason, never fail with a stack.
// Only faults inside fontkit's OpenType processing (its GSUB and GPOS lookups, where such faults
// live) are caught: they are recognised by where they are thrown, as the processors' own methods
// are wrapped to mark what they throw. Anything else (a bug of the app, a file that cannot be read)
// fails as before. The text is shaped once more without the features that form ligatures and attach
// or position glyphs against each other; its letters are the same, so the PDF's text and the
// report's self-check are as before, only marks sit at their default place and pairs are not kerned.
// Should that throw too, the export stops with an error that names the text. fontkit's shared
// classes are wrapped, so pdfkit's fonts get this too.
//
// fonts.ts measures with fonts kept for the process, pdfkit draws with fonts made per document. A
// text that fell back once is laid out without those features by every font object of that file
// from then on, so a text measured after the fallback is drawn as measured. Should a fault depend on
// a font object's state (its glyph cache) and strike only when drawing, the drawn text lacks the
// kerning its measured width had: a line can then end up to its kerning (a few hundredths of an em
// per pair) narrower or wider than measured; no text is lost or overlaps a column.
import type * as Fontkit from 'fontkit';
import { AppError } from '../core/errors';
import { quotedText } from './self-check';

/** The features the fallback turns off: ligatures, kerning, and the mark, cursive and distance
 * positioning features. Required forms (Arabic joining, rlig, ccmp) stay: without them the text
 * would not read as written. */
export const fallbackOffFeatures = ['liga', 'clig', 'dlig', 'calt', 'kern', 'mark', 'mkmk', 'curs', 'dist', 'abvm', 'blwm'] as const;

type Layout = (this: Fontkit.Font, text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]) => Fontkit.GlyphRun;

/** The caller's features, with the fallback's off. */
function withoutPositioning(features: string[] | Record<string, boolean> | undefined): Record<string, boolean> {
  const own: Record<string, boolean> = Array.isArray(features) ? Object.fromEntries(features.map((tag) => [tag, true])) : { ...features };
  for (const tag of fallbackOffFeatures) own[tag] = false;
  return own;
}

/** The export's error for a text no layout of the font could shape. Raised by exports and drafts,
 * also of a revision already issued, whose text cannot change: the advice is what the user can do
 * (make the report as DOCX, which is not typeset by fontkit, or report the fault). The library's
 * own message goes to the log, not to the user. */
export function untypesetText(text: string, fontName: string): AppError {
  return new AppError(
    'report_not_typeset',
    `The text "${quotedText(text)}" cannot be typeset in the font ${fontName}, so the report file was not made and nothing was recorded. Make the report as DOCX, or report this fault with the text.`,
    [{ path: 'text', message: `"${quotedText(text)}"`, key: 'reportTextNotTypeset' }],
  );
}

/** Errors thrown inside fontkit's GSUB or GPOS processing. */
const shapingFaults = new WeakSet<object>();

export function isShapingFault(error: unknown): boolean {
  return typeof error === 'object' && error !== null && shapingFaults.has(error);
}

type ApplyFeatures = (this: object, features: unknown, glyphs: unknown, positions: unknown) => void;

/** Processor classes whose applyFeatures already marks what it throws. */
const marked = new WeakSet<object>();

/** Wraps applyFeatures of fontkit's GSUB and GPOS processors and of their base class (every lookup
 * of either runs inside it) so that what it throws is known as a shaping fault. */
function markShapingFaults(font: Fontkit.Font): boolean {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: object | null; GSUBProcessor?: object | null } } })._layoutEngine?.engine;
  const processors = [engine?.GSUBProcessor, engine?.GPOSProcessor].filter((processor): processor is object => !!processor);
  let wrapped = false;
  for (const processor of processors) {
    for (let prototype = Object.getPrototypeOf(processor) as Record<string, unknown> | null; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype) as Record<string, unknown> | null) {
      const applyFeatures = Object.hasOwn(prototype, 'applyFeatures') ? prototype.applyFeatures : undefined;
      if (typeof applyFeatures !== 'function') continue;
      wrapped = true;
      if (marked.has(prototype)) continue;
      marked.add(prototype);
      prototype.applyFeatures = function (this: object, features: unknown, glyphs: unknown, positions: unknown) {
        try {
          (applyFeatures as ApplyFeatures).call(this, features, glyphs, positions);
        } catch (error) {
          const fault = typeof error === 'object' && error !== null ? error : new Error(String(error));
          shapingFaults.add(fault);
          throw fault;
        }
      };
    }
  }
  return wrapped;
}

let logged = false;
/** Once per process: which font and why, for the support log (the text is not logged). */
function logFallback(fontName: string, error: unknown): void {
  if (logged) return;
  logged = true;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.warn(`Kartlegg: fontkit failed to shape a text in ${fontName} (${reason}); it is laid out without ligatures, kerning and mark positioning. Further cases are not logged.`);
}

/** Texts (per font file, features and script, language and direction) that fell back: every font object of that file lays them out so. */
const fellBack = new Set<string>();

interface FontClass {
  layout: Layout;
  layoutFallback?: true;
}

/** Installs the fallback, once per process, on the class of `font` (fontkit's TrueType font). */
export function installLayoutFallback(font: Fontkit.Font): boolean {
  const prototype = Object.getPrototypeOf(font) as FontClass;
  if (prototype.layoutFallback) return true;
  const layout = prototype.layout;
  if (typeof layout !== 'function' || !markShapingFaults(font)) return false;
  const fallback = function (this: Fontkit.Font, text: string, features: string[] | Record<string, boolean> | undefined, rest: unknown[]): Fontkit.GlyphRun {
    try {
      const run = layout.call(this, text, withoutPositioning(features), ...rest);
      // The run lists the features applied: those turned off are not.
      for (const tag of fallbackOffFeatures) if (!run.features[tag]) delete run.features[tag];
      return run;
    } catch {
      throw untypesetText(text, this.postscriptName);
    }
  };
  prototype.layout = function (this: Fontkit.Font, text, features, ...rest) {
    const key = `${this.postscriptName}\u0000${JSON.stringify([features ?? null, ...rest])}\u0000${text}`;
    if (fellBack.has(key)) return fallback.call(this, text, features, rest);
    try {
      return layout.call(this, text, features, ...rest);
    } catch (error) {
      if (!isShapingFault(error)) throw error;
      logFallback(this.postscriptName, error);
      fellBack.add(key);
      return fallback.call(this, text, features, rest);
    }
  };
  prototype.layoutFallback = true;
  return true;
}
