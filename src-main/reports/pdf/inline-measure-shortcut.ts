// pdfmake measures every word of a text (TextInlines.measure) by asking its style stack, through
// StyleContextStack.getStyleProperty, for about twenty properties one call at a time, and by
// matching two regular expressions against the word for its leading and trailing spaces, which scan
// the whole word: for the demo's formal report about 10,000 words, 220,000 style questions and
// 20,000 scans. The same measuring, step for step in pdfmake's order (the same properties set on
// the word in the same order, the same fonts asked for and the same widths measured, in the same
// sequence), with each property answered as getStyleProperty answers it: the word's own value, or
// else the stack's, or else pdfmake's default. The stack's answer is asked once per text and
// property: while a text's words are measured the stack does not change (style-lookup-shortcut.ts
// argues it), and for a word that names no styles of its own getStyleProperty's answer is the
// stack's (ibid.). A word is matched against pdfmake's regular expressions only when its first or
// last character can be white space. A text with a word that names styles, or that is not a plain
// object with a string, takes pdfmake's own path; so does every text if pdfmake's measure is not
// the one this was written against (pdfmake 0.3.11: the source's SHA-256 below). Installed once per
// process on pdfmake's class, before style-lookup-shortcut.ts wraps the method. Checked against an
// untouched pdfmake by tests/unit/report-pdf-inline-measure.test.ts (run it after updating pdfmake).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface StyleStack {
  getProperty(property: string): unknown;
}

interface Font {
  lineHeight(fontSize: number): number;
}

interface Word {
  text: string;
  style?: unknown;
  [property: string]: unknown;
}

interface TextInlines {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): Font };
  widthOfText(text: string, inline: Word): number;
}

interface TextInlinesClass {
  prototype: TextInlines & { measure(array: Word[], stack: StyleStack | null | undefined): Word[]; measureShortcut?: true };
}

/** SHA-256 of pdfmake 0.3.11's TextInlines.prototype.measure source text. */
const knownMeasureSource = 'cb17af19531a9de1c73b790bea462553e9c1cce4d9ad1287ffae59aa42c6d87c';

const sourceHash = (fn: unknown) => createHash('sha256').update(String(fn)).digest('hex');

/** pdfmake's own expressions (TextInlines.js), used as they are for a word that may need them. */
const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;
const space = /\s/;

/** Whether the character at `index` can be white space for `\s` (printable ASCII other than the space cannot). */
function maybeSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code > 0x20 && code < 0x7f) return false;
  return space.test(text.charAt(index));
}

const isValue = (value: unknown) => value !== undefined && value !== null;

/** Words this shortcut measures: plain objects with a string, naming no styles. */
function plainWords(array: unknown): array is Word[] {
  if (!Array.isArray(array)) return false;
  for (const word of array) {
    if (typeof word !== 'object' || word === null || Object.getPrototypeOf(word) !== Object.prototype) return false;
    if (typeof (word as Word).text !== 'string' || (word as Word).style) return false;
  }
  return true;
}

function measureWords(this: TextInlines, array: Word[], stack: StyleStack): Word[] {
  const answers = new Map<string, unknown>();
  const ask = (word: Word, property: string, defaultValue: unknown): unknown => {
    const own = word[property];
    if (isValue(own)) return own;
    let value: unknown;
    if (answers.has(property)) value = answers.get(property);
    else {
      value = stack.getProperty(property);
      answers.set(property, value);
    }
    return isValue(value) ? value : defaultValue;
  };
  if (array.length) {
    const leadingIndent = ask(array[0], 'leadingIndent', 0) as number;
    if (leadingIndent) {
      array[0].leadingCut = -leadingIndent;
      array[0].leadingIndent = leadingIndent;
    }
  }
  for (const item of array) {
    const font = ask(item, 'font', 'Roboto');
    const bold = ask(item, 'bold', false);
    const italics = ask(item, 'italics', false);
    item.font = this.pdfDocument.provideFont(font, bold, italics);
    item.alignment = ask(item, 'alignment', 'left');
    item.fontSize = ask(item, 'fontSize', 12);
    item.fontFeatures = ask(item, 'fontFeatures', null);
    item.characterSpacing = ask(item, 'characterSpacing', 0);
    item.color = ask(item, 'color', 'black');
    item.decoration = ask(item, 'decoration', null);
    item.decorationColor = ask(item, 'decorationColor', null);
    item.decorationStyle = ask(item, 'decorationStyle', null);
    item.decorationThickness = ask(item, 'decorationThickness', null);
    item.background = ask(item, 'background', null);
    item.link = ask(item, 'link', null);
    item.linkToPage = ask(item, 'linkToPage', null);
    item.linkToDestination = ask(item, 'linkToDestination', null);
    item.noWrap = ask(item, 'noWrap', null);
    item.opacity = ask(item, 'opacity', 1);
    item.sup = ask(item, 'sup', false);
    item.sub = ask(item, 'sub', false);
    if (item.sup || item.sub) {
      (item.fontSize as number) *= 0.58;
    }
    const lineHeight = ask(item, 'lineHeight', 1) as number;
    item.width = this.widthOfText(item.text, item);
    item.height = (item.font as Font).lineHeight(item.fontSize as number) * lineHeight;
    if (!item.leadingCut) {
      item.leadingCut = 0;
    }
    const text = item.text;
    if (!ask(item, 'preserveLeadingSpaces', false) && text.length && maybeSpace(text, 0)) {
      const leadingSpaces = text.match(LEADING);
      if (leadingSpaces) {
        (item.leadingCut as number) += this.widthOfText(leadingSpaces[0], item);
      }
    }
    item.trailingCut = 0;
    if (!ask(item, 'preserveTrailingSpaces', false) && text.length && maybeSpace(text, text.length - 1)) {
      const trailingSpaces = text.match(TRAILING);
      if (trailingSpaces) {
        item.trailingCut = this.widthOfText(trailingSpaces[0], item);
      }
    }
  }
  return array;
}

export function installInlineMeasureShortcut(): boolean {
  const require = createRequire(import.meta.url);
  const inlines = (require('pdfmake/js/TextInlines') as { default?: TextInlinesClass }).default;
  const prototype = inlines?.prototype;
  if (!prototype || typeof prototype.measure !== 'function') return false;
  if (prototype.measureShortcut) return true;
  const measure = prototype.measure;
  if (sourceHash(measure) !== knownMeasureSource) return false;
  prototype.measure = function (this: TextInlines, array, stack) {
    if (!stack || !plainWords(array)) return measure.call(this, array, stack);
    return measureWords.call(this, array, stack);
  };
  prototype.measureShortcut = true;
  return true;
}
