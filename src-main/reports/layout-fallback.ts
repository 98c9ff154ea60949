// What a report does when fontkit throws while shaping a text (a fault of the library or a font, as
// the mark attachment one fixed in mark-attachment-fix.ts): the consultant's report must still be
// issued with the text as written, or not at all with a plain reason, never fail with a stack.
// The text is shaped once more without the features that form ligatures and attach or position
// glyphs against each other (the code where such faults live); its letters are the same, so the PDF's
// text and the report's self-check are as before, only marks sit at their default place and pairs
// are not kerned. Should that throw too, the export stops with an error that names the text and the
// font. fontkit's shared font class is wrapped, so pdfkit's fonts get this too.
import type * as Fontkit from 'fontkit';
import { AppError } from '../core/errors';
import { quotedText } from './self-check';

/** Ligatures, kerning and the mark, cursive and distance positioning features. Required forms
 * (Arabic joining, rlig, ccmp) stay: without them the text would not read as written. */
export const positioningFeatures = ['liga', 'clig', 'dlig', 'calt', 'kern', 'mark', 'mkmk', 'curs', 'dist', 'abvm', 'blwm'] as const;

type Layout = (this: Fontkit.Font, text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]) => Fontkit.GlyphRun;

/** The caller's features, with the positioning features off. */
function withoutPositioning(features: string[] | Record<string, boolean> | undefined): Record<string, boolean> {
  const own: Record<string, boolean> = Array.isArray(features) ? Object.fromEntries(features.map((tag) => [tag, true])) : { ...features };
  for (const tag of positioningFeatures) own[tag] = false;
  return own;
}

/** The export's error for a text no layout of the font could shape. Raised by exports and drafts,
 * also of a revision already issued, whose text cannot change: the advice is what the user can do
 * (make the report as DOCX, which is not typeset by fontkit, or report the fault). The library's
 * own message is for the log (reportShapingFault), not the user. */
export function untypesetText(text: string, fontName: string): AppError {
  return new AppError(
    'report_not_typeset',
    `The text "${quotedText(text)}" cannot be typeset in the font ${fontName}, so the report file was not made and nothing was recorded. Make the report as DOCX, or report this fault with the text.`,
    [{ path: 'text', message: `"${quotedText(text)}"`, key: 'reportTextNotTypeset' }],
  );
}

interface FontClass {
  layout: Layout;
  layoutFallback?: true;
}

/** Installs the fallback, once per process, on the class of `font` (fontkit's TrueType font). */
export function installLayoutFallback(font: Fontkit.Font): boolean {
  const prototype = Object.getPrototypeOf(font) as FontClass;
  if (prototype.layoutFallback) return true;
  const layout = prototype.layout;
  if (typeof layout !== 'function') return false;
  prototype.layout = function (this: Fontkit.Font, text, features, ...rest) {
    try {
      return layout.call(this, text, features, ...rest);
    } catch (error) {
      if (error instanceof AppError) throw error;
      try {
        return layout.call(this, text, withoutPositioning(features), ...rest);
      } catch {
        throw untypesetText(text, this.postscriptName);
      }
    }
  };
  prototype.layoutFallback = true;
  return true;
}
