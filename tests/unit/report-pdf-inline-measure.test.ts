// pdfmake's measuring of a text's words, with the style stack asked once per text and property and
// the space expressions matched only where a space can be (inline-measure-shortcut.ts), gives every
// word the properties pdfmake gives it, in pdfmake's order, and asks the fonts the same questions
// in the same sequence; with the style lookup's shortcut installed on top too.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installInlineMeasureShortcut } from '../../src-main/reports/pdf/inline-measure-shortcut';
import { installStyleLookupShortcut } from '../../src-main/reports/pdf/style-lookup-shortcut';
import { pristinePdfmakeModule } from '../fixtures/pristine-pdf-modules';
import shapedWords from '../fixtures/shaped-words.json';

const require = createRequire(import.meta.url);

interface Stack {
  push(style: unknown): void;
}
type StackClass = new (dictionary: Record<string, unknown>, defaultStyle?: Record<string, unknown>) => Stack;
interface Inlines {
  measure(array: object[], stack: Stack | null): object[];
}
type InlinesClass = (new (pdfDocument: object) => Inlines) & { prototype: { measureShortcut?: true } };

const stackClass = (require('pdfmake/js/StyleContextStack') as { default: StackClass }).default;
const patched = (require('pdfmake/js/TextInlines') as { default: InlinesClass }).default;
const pristine = pristinePdfmakeModule<InlinesClass>('pdfmake/js/TextInlines');

/** Fonts that record every question asked of them, and measure by character codes. */
function recordingDocument(calls: string[]) {
  return {
    provideFont: (font: string, bold: boolean, italics: boolean) => {
      const name = `${font}${bold ? ' bold' : ''}${italics ? ' italics' : ''}`;
      calls.push(`font ${name}`);
      return {
        name,
        widthOfString: (text: string, size: number, features: unknown) => {
          calls.push(`width ${name} ${JSON.stringify(text)} ${size} ${JSON.stringify(features)}`);
          return [...text].reduce((sum, char) => sum + ((char.codePointAt(0) ?? 0) % 17) + 3, 0) * size * 0.01;
        },
        lineHeight: (size: number) => size * 1.3,
      };
    },
  };
}

const dictionary = {
  body: { fontSize: 10, color: 'black' },
  heading: { extends: 'body', bold: true, fontSize: 16 },
  note: { extends: ['heading', 'body'], italics: true, color: null },
};

const stacks: (() => Stack | null)[] = [
  () => null,
  () => new stackClass(dictionary),
  () => new stackClass(dictionary, { font: 'Noto Sans', lineHeight: 1.2 }),
  () => {
    const stack = new stackClass(dictionary, { font: 'Noto Sans', lineHeight: 1.2, fontSize: 9 });
    for (const style of ['body', { color: 'red', link: 'https://example.org', opacity: 0.5, decoration: 'underline' }, 'note', { italics: false, leadingIndent: 4 }]) stack.push(style);
    return stack;
  },
  () => {
    const stack = new stackClass(dictionary, { font: 'Noto Sans' });
    stack.push({ preserveLeadingSpaces: true, preserveTrailingSpaces: true, characterSpacing: 0.5, fontFeatures: ['tnum'] });
    return stack;
  },
];

/** Words as pdfmake's line breaker makes them: spaces of every kind at either end, own styles. */
const texts: (() => object[])[] = [
  () => [],
  () => [{ text: '' }],
  () => [{ text: 'Arbeidsmengde ' }, { text: 'og ', bold: true }, { text: 'tidspress', lineEnd: true }, { text: 'i ', italics: true, noNewLine: true }, { text: 'renholdet.' }],
  () => [{ text: '  innrykk' }, { text: '\tfane\t' }, { text: 'nbsp\u00a0' }, { text: '\u2003em-rom ' }, { text: 'slutt\u3000' }, { text: '\ufeffbom' }, { text: ' ' }, { text: '   ' }],
  () => [{ text: 'x', sup: true }, { text: 'y', sub: true, fontSize: 8 }, { text: 'z ', color: null, font: 'Noto Sans Arabic' }, { text: 'lenke ', link: 'https://example.org/a' }],
  () => [{ text: ' fra start', leadingCut: 2 }, { text: 'behold ', preserveTrailingSpaces: true }, { text: ' behold', preserveLeadingSpaces: true }, { text: 'w ', noWrap: true }],
  () => [{ text: 'a ', leadingIndent: 6 }, { text: 'b ' }],
  () => (shapedWords as Record<string, string[]>)['NotoSans-Regular'].slice(0, 400).map((text, i) => (i % 9 ? { text } : { text, bold: true })),
  () => (shapedWords as Record<string, string[]>)['NotoSansArabic-Regular'].slice(0, 100).map((text) => ({ text, font: 'Noto Sans Arabic' })),
];

/** Every word's properties in order (fonts by name) and every question asked of the fonts. */
function measured(inlinesClass: InlinesClass, text: () => object[], stack: () => Stack | null) {
  const calls: string[] = [];
  const items = new inlinesClass(recordingDocument(calls)).measure(text(), stack());
  const words = items.map((item) => Object.entries(item).map(([key, value]) => [key, key === 'font' ? (value as { name: string }).name : value]));
  return { words, calls };
}

function expectSameAsPdfmake(expected: ReturnType<typeof measured>[]) {
  let i = 0;
  for (const stack of stacks) for (const text of texts) expect(measured(patched, text, stack)).toEqual(expected[i++]);
}

describe('pdfmake measuring words with the stack asked once per text', () => {
  const expected = stacks.flatMap((stack) => texts.map((text) => measured(pristine, text, stack)));

  it('is installed on pdfmake as the reports load it, not on the copy as it ships', () => {
    expect(installInlineMeasureShortcut()).toBe(true);
    expect(patched.prototype.measureShortcut).toBe(true);
    expect(pristine.prototype.measureShortcut).toBeUndefined();
  });

  it('measures every word as pdfmake does, property for property and font question for question', () => {
    installInlineMeasureShortcut();
    expectSameAsPdfmake(expected);
    const all = JSON.stringify(expected);
    for (const seen of ['"trailingCut",0', '"leadingIndent",4', 'https://example.org', 'Noto Sans bold italics', '"tnum"']) expect(all).toContain(seen);
  });

  it('gives a text with words that name styles to pdfmake, with the same result', () => {
    installInlineMeasureShortcut();
    const styled = () => [{ text: 'a ', style: 'heading' }, { text: 'b ' }, { text: 'c ', style: ['note'] }];
    for (const stack of stacks) expect(measured(patched, styled, stack)).toEqual(measured(pristine, styled, stack));
  });

  it('still measures as pdfmake does with the style lookup’s shortcut around it', () => {
    installInlineMeasureShortcut();
    expect(installStyleLookupShortcut()).toBe(true);
    expectSameAsPdfmake(expected);
  });
});
