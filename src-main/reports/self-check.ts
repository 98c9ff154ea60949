// The check after rendering that a report is never silently wrong: every finding and measure number
// (F1, T1 …), every heading and every factor title the document model holds must be in the text read
// back from the rendered file. A renderer that drops a row, a cell or a page fails this check, and
// the report is not issued.
import { withoutDefaultIgnorables } from './default-ignorable';
import { pageCountMark, pageNumberMark, type DocumentBlock, type ReportDocument, type TextRun } from './model';

/** A finding or measure number as the reports write it: "F1", "T12". */
const numberToken = /(?<![\p{L}\p{N}])[FT]\d+(?![\p{N}])/gu;
const rightToLeftChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

const plain = (runs: readonly TextRun[]) => runs.map((run) => run.text).join('');

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Each text of a block, whether it must be found whole, and how many words of the same block may
 * come between two of its words when the renderer splits it (a table row over two pages). */
function blockTexts(block: DocumentBlock): { text: string; whole: boolean; spread: number }[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: plain(block.runs), whole: true, spread: 0 }];
    case 'paragraph':
      return [{ text: plain(block.runs), whole: false, spread: 0 }];
    case 'list':
      return block.items.map((item) => ({ text: plain(item), whole: false, spread: 0 }));
    case 'table': {
      const headerWords = block.columns.reduce((sum, column) => sum + wordCount(plain(column.header)), 0);
      return [
        ...block.columns.map((column) => ({ text: plain(column.header), whole: false, spread: 0 })),
        // A cell's first line is its title (a factor, a finding, a measure): it must be there whole.
        // A row split over two pages is drawn cell by cell on each page, so the row's other cells
        // and the repeated header row may come between two parts of one cell.
        ...block.rows.flatMap((row) => {
          const spread = headerWords + row.reduce((sum, cell) => sum + wordCount(plain(cell.runs)), 0);
          return row.flatMap((cell) => [
            { text: plain(cell.runs), whole: false, spread },
            { text: plain(cell.runs).split('\n')[0], whole: true, spread },
          ]);
        }),
      ];
    }
    case 'toc':
      return [{ text: block.title, whole: true, spread: 0 }];
    default:
      return [];
  }
}

export interface ExpectedText {
  /** Finding and measure numbers, each once. */
  numbers: string[];
  /** Headings and the first lines of table cells, each once. */
  texts: string[];
  /** Per text, how many words of its own block may come between two of its words when it is split. */
  spreads: Map<string, number>;
}

export function expectedText(doc: ReportDocument): ExpectedText {
  const numbers = new Set<string>();
  const spreads = new Map<string, number>();
  for (const block of doc.blocks) {
    for (const { text, whole, spread } of blockTexts(block)) {
      for (const match of text.matchAll(numberToken)) numbers.add(match[0]);
      const trimmed = text.trim();
      if (whole && trimmed) spreads.set(trimmed, Math.max(spread, spreads.get(trimmed) ?? 0));
    }
  }
  return { numbers: [...numbers], texts: [...spreads.keys()], spreads };
}

/** Variation selectors, joiners and the like have no look of their own: fontkit draws them as
 * nothing (a space of no advance) and folds a variation selector that does not change its
 * character's glyph ("⚠️", "1️⃣", "❤️" as typed on a phone, in a text font) into that character
 * (variation-selector-glyphs.ts), so the PDF's text layer does not hold them; one that picks a glyph
 * of its own it does. They are left out on both sides of the comparison: exactly fontkit's set
 * (default-ignorable.ts), not Unicode's Default_Ignorable_Code_Point: fontkit, as HarfBuzz, draws
 * the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) with glyphs, and U+180F (Unicode 14) is not
 * in its older list, so they are drawn, not nothing, and leaving them out would hide what the PDF
 * draws in their place. A glyph's code points no longer depend on which text came first, so the
 * PDF cannot read a selector into other text that this would hide. */
const squeeze = (text: string) => withoutDefaultIgnorables(text.replace(/\s+/g, '')).normalize('NFC');
/** A text as error messages quote it: at most 80 characters. */
export function quotedText(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a renderer draws again on every page, which may come between the two parts of a text that
 * runs onto the next page: the page header and footer (with their numbers), a table's repeated
 * header row, the draft mark.
 */
function repeatedOnPages(doc: ReportDocument): RegExp[] {
  const patterns: RegExp[] = [];
  for (const template of [doc.header, doc.footer]) {
    const squeezed = squeeze(template);
    if (!squeezed) continue;
    const source = squeezed
      .split(pageNumberMark)
      .map((part) => part.split(pageCountMark).map(escapeRegExp).join('\\d+'))
      .join('\\d+');
    patterns.push(new RegExp(source, 'gu'));
  }
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    const header = squeeze(block.columns.map((column) => plain(column.header)).join(''));
    if (header) patterns.push(new RegExp(escapeRegExp(header), 'gu'));
  }
  if (doc.draftMark) patterns.push(new RegExp(escapeRegExp(squeeze(doc.draftMark)), 'gu'));
  return patterns;
}

/**
 * What of the model is missing from the text read back from a rendered file. Text with
 * right-to-left characters is not compared: a PDF's Arabic is stored as shaped glyphs, which do not
 * read back reliably; its numbers and Latin text are.
 */
export function missingText(doc: ReportDocument, pieces: readonly string[]): string[] {
  const expected = expectedText(doc);
  const joined = pieces.join(' ');
  const whole = squeeze(joined);
  let squeezed = whole;
  for (const pattern of repeatedOnPages(doc)) squeezed = squeezed.replace(pattern, '');
  const found = new Set<string>();
  for (const match of joined.matchAll(numberToken)) found.add(match[0]);
  const missing: string[] = expected.numbers.filter((number) => !found.has(number));
  // Compared as the whole text is: without invisible characters, in NFC.
  const words = joined.split(/\s+/).map(squeeze).filter(Boolean);
  // The page's foot and the next page's head may come between two words: as long as they are.
  const pageWords = [doc.header, doc.footer].join(' ').split(/\s+/).length;
  for (const text of expected.texts) {
    if (rightToLeftChar.test(text)) continue;
    // A text that holds the page header itself (a title with the client's name) is looked for in
    // the text as drawn, too.
    const wanted = squeeze(text);
    if (!squeezed.includes(wanted) && !whole.includes(wanted) && !inOrderNearby(words, text.split(/\s+/).map(squeeze).filter(Boolean), Math.max(maxWordsBetween, expected.spreads.get(text) ?? 0) + pageWords)) missing.push(text);
  }
  return missing;
}

/** Words of a table cell split over two pages are drawn with the other cells' parts of the row, the
 * page's foot and the next page's head in between: each word must follow the one before it, with at
 * most this many words (and the page's head and foot) between them. */
const maxWordsBetween = 120;

/** A word wider than its column is broken over lines ("Personalhånd" "boken"): it may be read
 * back as up to this many pieces in a row. */
const maxPiecesOfWord = 4;

/** How many words from `at` on spell `word`, whole or in pieces; 0 when they don't. */
function spells(words: readonly string[], at: number, word: string): number {
  let joined = '';
  for (let pieces = 1; pieces <= maxPiecesOfWord && at + pieces <= words.length; pieces++) {
    joined += words[at + pieces - 1];
    if (joined === word) return pieces;
    if (!word.startsWith(joined)) return 0;
  }
  return 0;
}

function inOrderNearby(words: readonly string[], wanted: readonly string[], gap: number): boolean {
  if (!wanted.length) return true;
  for (let start = 0; start < words.length; start++) {
    const first = spells(words, start, wanted[0]);
    if (!first) continue;
    let next = start + first;
    let matched = 1;
    while (matched < wanted.length) {
      let found = -1;
      let pieces = 0;
      for (let at = next; at < words.length && at - next <= gap; at++) {
        pieces = spells(words, at, wanted[matched]);
        if (pieces) {
          found = at;
          break;
        }
      }
      if (found < 0) break;
      next = found + pieces;
      matched++;
    }
    if (matched === wanted.length) return true;
  }
  return false;
}
