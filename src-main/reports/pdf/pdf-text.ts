// Text for pdfmake: runs split by font (Latin, Arabic, Ethiopic), and right-to-left text laid out
// here, because pdfmake has no bidi. For such text this module breaks the lines itself, reorders
// each line with the Unicode bidi algorithm (bidi-js), and hands pdfmake one line at a time, word by
// word in visual order. fontkit shapes Arabic (joined forms) and draws an Arabic word's glyphs right
// to left by itself, so an Arabic word is given to it in logical order.
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import type { TextDirection, TextRun } from '../model';
import { isArabicScript, type FontFamily, type FontStyle, type ReportFonts } from '../fonts';

export interface PdfInline {
  text: string;
  font: FontFamily;
  bold?: boolean;
  italics?: boolean;
}

interface StyledChar {
  char: string;
  bold: boolean;
  italic: boolean;
  family: FontFamily;
}

const bidi = bidiFactory();
const rightToLeftChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** Measured lines are made this much shorter than the room, so pdfmake never breaks them again. */
const slack = 1.5;

export function needsBidi(runs: readonly TextRun[], dir: TextDirection): boolean {
  return dir === 'rtl' || runs.some((run) => run.dir === 'rtl' || rightToLeftChar.test(run.text));
}

function styledChars(runs: readonly TextRun[], fonts: ReportFonts): StyledChar[] {
  const chars: StyledChar[] = [];
  let previous: FontFamily | undefined;
  for (const run of runs) {
    for (const char of run.text) {
      const family = fonts.familyFor(char, previous);
      previous = family;
      chars.push({ char, bold: !!run.bold, italic: !!run.italic, family });
    }
  }
  return chars;
}

const styleOf = (c: Pick<StyledChar, 'bold' | 'italic'>): FontStyle => (c.bold ? (c.italic ? 'bolditalics' : 'bold') : c.italic ? 'italics' : 'normal');

function inline(text: string, c: StyledChar): PdfInline {
  return { text, font: c.family, ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italics: true } : {}) };
}

/** Consecutive characters of the same font and look, joined. */
function group(chars: readonly StyledChar[], split: (c: StyledChar) => boolean = () => false): StyledChar[][] {
  const groups: StyledChar[][] = [];
  for (const c of chars) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.family === c.family && prev.bold === c.bold && prev.italic === c.italic && !split(c) && !split(prev)) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** Left-to-right text: pdfmake breaks the lines, each piece in the font that has its characters.
 * The pieces of group(styledChars(runs)), built without an object per character and with each
 * piece's text cut from its runs' text instead of added up character by character: a report's
 * every paragraph passes here. */
export function ltrInlines(runs: readonly TextRun[], fonts: ReportFonts): PdfInline[] {
  const inlines: PdfInline[] = [];
  let piece: StyledChar | null = null;
  /** The piece's text from the runs before this one, and where it starts in this run. */
  let before = '';
  let start = 0;
  for (const run of runs) {
    const bold = !!run.bold;
    const italic = !!run.italic;
    const text = run.text;
    start = 0;
    // Code point by code point, as the string's iterator goes (a lone surrogate is one).
    for (let i = 0; i < text.length; ) {
      const size = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      const char = size === 1 ? text[i] : text.slice(i, i + 2);
      const family = fonts.familyFor(char, piece?.family);
      if (!piece || piece.family !== family || piece.bold !== bold || piece.italic !== italic) {
        if (piece) inlines.push(inline(before + text.slice(start, i), piece));
        piece = { char, bold, italic, family };
        before = '';
        start = i;
      }
      i += size;
    }
    before += text.slice(start);
  }
  if (piece) inlines.push(inline(before, piece));
  return inlines;
}

function width(chars: readonly StyledChar[], fonts: ReportFonts, size: number): number {
  return group(chars).reduce((sum, g) => sum + fonts.measure(g.map((c) => c.char).join(''), g[0].family, styleOf(g[0]), size), 0);
}

/** [start, end) of each line, in logical order, without the spaces at its ends. */
function breakLines(chars: readonly StyledChar[], room: number, fonts: ReportFonts, size: number): [number, number][] {
  const words: [number, number][] = [];
  for (let i = 0; i < chars.length; ) {
    if (chars[i].char === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && chars[j].char !== ' ') j++;
    words.push([i, j]);
    i = j;
  }
  const lines: [number, number][] = [];
  let line: [number, number] | null = null;
  for (const [start, end] of words) {
    if (line && width(chars.slice(line[0], end), fonts, size) <= room) {
      line[1] = end;
      continue;
    }
    if (line) lines.push(line);
    line = [start, end];
    // A word wider than the room is cut where it must be.
    while (width(chars.slice(line[0], line[1]), fonts, size) > room && line[1] - line[0] > 1) {
      let cut: number = line[0] + 1;
      while (cut < line[1] && width(chars.slice(line[0], cut + 1), fonts, size) <= room) cut++;
      lines.push([line[0], cut]);
      line = [cut, line[1]];
    }
  }
  if (line) lines.push(line);
  return lines;
}

function visualLine(text: string, levels: EmbeddingLevels, chars: readonly StyledChar[], start: number, end: number): StyledChar[] {
  // getReorderedIndices covers the whole string; only the line's part of it is reordered.
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  return order.map((index) => {
    const c = chars[index];
    const mirror = mirrored.get(index);
    return mirror ? { ...c, char: mirror } : c;
  });
}

/** One line as pdfmake inlines, left to right. Spaces stand alone: pdfmake would otherwise keep a
 * word's trailing space, which fontkit then draws on the word's left for Arabic. */
function lineInlines(visual: readonly StyledChar[]): PdfInline[] {
  return group(visual, (c) => c.char === ' ').map((g) => {
    const chars = g.map((c) => c.char);
    // fontkit turns an Arabic word round itself; given in visual order it would be turned twice.
    const text = chars.some(isArabicScript) ? chars.reverse().join('') : chars.join('');
    return inline(text, g[0]);
  });
}

/**
 * Text with right-to-left parts, as lines of inlines in visual order, for a box `room` points wide.
 * A "\n" in the text starts a new paragraph for the bidi algorithm as well as a new line.
 */
export function bidiLines(runs: readonly TextRun[], dir: TextDirection, room: number, size: number, fonts: ReportFonts): PdfInline[][] {
  const all = styledChars(runs, fonts);
  const lines: PdfInline[][] = [];
  let start = 0;
  for (let i = 0; i <= all.length; i++) {
    if (i < all.length && all[i].char !== '\n') continue;
    const chars = all.slice(start, i);
    start = i + 1;
    if (!chars.length) {
      lines.push([]);
      continue;
    }
    // bidi-js indexes UTF-16 code units; the report's scripts are all in the basic plane.
    const text = chars.map((c) => (c.char.length === 1 ? c.char : '\uFFFD')).join('');
    const levels = bidi.getEmbeddingLevels(text, dir);
    for (const [lineStart, lineEnd] of breakLines(chars, Math.max(20, room - slack), fonts, size)) {
      lines.push(lineInlines(visualLine(text, levels, chars, lineStart, lineEnd)));
    }
  }
  return lines;
}
