// No character of a report prints as a box: a character the text fonts lack is drawn in a fallback
// font (symbols, emoji), and one no report font has is replaced by its code in brackets, e.g.
// "[U+1FAE8]", and listed, so the consultant is told what changed. Runs in a fallback font are
// marked, so the DOCX names that font for them as well.
import { fallbackFamilies, type ReportFonts } from './fonts';
import type { DocumentBlock, ReplacedCharacter, ReportDocument, TextRun } from './model';

export type { ReplacedCharacter } from './model';

/** Zero-width joiners, variation selectors and the like: they shape their neighbours and have no
 * look of their own, so when no font has them they are left out rather than shown as a code. */
const invisible = /^\p{Default_Ignorable_Code_Point}$/u;
/** Tabs and other control characters (but the line break) read as a space. */
const control = /^\p{Cc}$/u;

export const codePointOf = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

class Coverage {
  readonly replaced = new Map<string, ReplacedCharacter>();
  /** Per character: whether a text font draws it as it is (or it is a line break). */
  private readonly plainCharacters = new Map<string, boolean>();

  constructor(private readonly fonts: ReportFonts) {}

  private plain(character: string): boolean {
    let plain = this.plainCharacters.get(character);
    if (plain === undefined) {
      plain = character === '\n' || (this.fonts.covers(character) && !fallbackFamilies.includes(this.fonts.familyFor(character)));
      this.plainCharacters.set(character, plain);
    }
    return plain;
  }

  /** Whether every character of the text is plain: then fitting leaves it as it is, in one piece. */
  private allPlain(text: string): boolean {
    for (const character of text) if (!this.plain(character)) return false;
    return true;
  }

  text(text: string): string {
    if (this.allPlain(text)) return text;
    let fitted = '';
    for (const character of text) {
      if (character === '\n' || this.fonts.covers(character)) fitted += character;
      else if (control.test(character)) fitted += ' ';
      else if (!invisible.test(character)) fitted += this.replace(character);
    }
    return fitted;
  }

  /** The runs with their characters fitted, split where a fallback font takes over. */
  runs(runs: readonly TextRun[]): TextRun[] {
    return runs.flatMap((run) => {
      // Almost every run: the one piece the loop below would make of it.
      if (run.font === undefined && run.text && this.allPlain(run.text)) {
        const piece = { ...run };
        delete piece.font;
        return [piece];
      }
      const pieces: TextRun[] = [];
      for (const character of this.text(run.text)) {
        const family = character === '\n' ? null : this.fonts.familyFor(character);
        const font = family && fallbackFamilies.includes(family) ? family : undefined;
        const last = pieces[pieces.length - 1];
        if (last && last.font === font) last.text += character;
        else pieces.push({ ...run, text: character, ...(font ? { font } : {}) });
      }
      for (const piece of pieces) if (!piece.font) delete piece.font;
      return pieces.length ? pieces : [run];
    });
  }

  private replace(character: string): string {
    const codePoint = codePointOf(character);
    const entry = this.replaced.get(character) ?? { character, codePoint, replacement: `[${codePoint}]`, count: 0 };
    entry.count++;
    this.replaced.set(character, entry);
    return entry.replacement;
  }
}

function fitBlock(block: DocumentBlock, coverage: Coverage): DocumentBlock {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, runs: coverage.runs(block.runs) };
    case 'list':
      return { ...block, items: block.items.map((item) => coverage.runs(item)) };
    case 'table':
      return {
        ...block,
        ...(block.caption === undefined ? {} : { caption: coverage.text(block.caption) }),
        columns: block.columns.map((column) => ({ ...column, header: coverage.runs(column.header) })),
        rows: block.rows.map((row) => row.map((cell) => ({ ...cell, runs: coverage.runs(cell.runs) }))),
      };
    case 'toc':
      return { ...block, title: coverage.text(block.title), entries: block.entries.map((entry) => ({ ...entry, text: coverage.text(entry.text) })) };
    case 'image':
    case 'logo':
      return { ...block, alt: coverage.text(block.alt) };
    case 'pageBreak':
      return block;
  }
}

/** The document as the report fonts can draw it, and the characters that had to be replaced. */
export function fitDocumentToFonts(doc: ReportDocument, fonts: ReportFonts): { document: ReportDocument; replaced: ReplacedCharacter[] } {
  const coverage = new Coverage(fonts);
  const document: ReportDocument = {
    ...doc,
    title: coverage.text(doc.title),
    header: coverage.text(doc.header),
    footer: coverage.text(doc.footer),
    draftMark: doc.draftMark === null ? null : coverage.text(doc.draftMark),
    blocks: doc.blocks.map((block) => fitBlock(block, coverage)),
  };
  return { document, replaced: [...coverage.replaced.values()] };
}
