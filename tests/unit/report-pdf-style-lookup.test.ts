// pdfmake's style lookup, shortened for words without named styles (style-lookup-shortcut.ts),
// answers every question as pdfmake's own does: named styles that extend others (in a loop too),
// overrides, strings, sections, and items with and without styles of their own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installStyleLookupShortcut } from '../../src-main/reports/pdf/style-lookup-shortcut';
import { pristinePdfmakeModule } from '../fixtures/pristine-pdf-modules';

const require = createRequire(import.meta.url);
const modulePath = require.resolve('pdfmake/js/StyleContextStack');

interface Stack {
  push(style: unknown): void;
}
interface StackClass {
  new (dictionary: Record<string, unknown>, defaultStyle?: Record<string, unknown>): Stack;
  getStyleProperty(item: unknown, stack: Stack | null, property: string, defaultValue: unknown): unknown;
}

/** pdfmake's class as it ships, so no shortcut reaches it. */
const pristineClass = () => pristinePdfmakeModule<StackClass>(modulePath);

const dictionary = {
  body: { fontSize: 10, color: 'black' },
  heading: { extends: 'body', bold: true, fontSize: 16 },
  note: { extends: ['heading', 'body'], italics: true, color: null },
  loopA: { extends: 'loopB', font: 'Noto Sans' },
  loopB: { extends: 'loopA' },
};
const items: unknown[] = [
  'plain text',
  {},
  { text: 'a', fontSize: 12 },
  { text: 'b', bold: false },
  { text: 'c', color: null },
  { text: 'd', style: 'heading' },
  { text: 'e', style: ['note', 'loopB'] },
  { text: 'f', style: '' },
  { section: true, style: 'heading' },
];
const properties = ['font', 'fontSize', 'bold', 'italics', 'color', 'lineHeight', 'link', 'noWrap'];

function answers(stackClass: StackClass): unknown[] {
  const stacks: (Stack | null)[] = [null, new stackClass(dictionary), new stackClass(dictionary, { font: 'Noto Sans', lineHeight: 1.2 })];
  const deep = new stackClass(dictionary, { fontSize: 9 });
  for (const style of ['body', { color: 'red', bold: null }, 'note', { italics: false }, 'loopA', 'missing']) deep.push(style);
  stacks.push(deep);
  return stacks.flatMap((stack) => items.flatMap((item) => properties.map((property) => stackClass.getStyleProperty(item, stack, property, `default ${property}`))));
}

describe('pdfmake style lookup shortcut', () => {
  it('answers as pdfmake does', () => {
    const expected = answers(pristineClass());
    expect(installStyleLookupShortcut()).toBe(true);
    const patched = (require(modulePath) as { default: StackClass & { shortcutInstalled?: true } }).default;
    expect(patched.shortcutInstalled).toBe(true);
    expect(answers(patched)).toEqual(expected);
    expect(expected).toContain(16);
    expect(expected).toContain('Noto Sans');
    expect(expected).toContain('black');
  });
});

interface Inlines {
  measure(array: object[], stack: Stack): object[];
}
type InlinesClass = new (pdfDocument: object) => Inlines;

/** Fonts that say which face was asked for and measure by character count. */
const fakeDocument = {
  provideFont: (font: string, bold: boolean, italics: boolean) => ({
    name: `${font} ${bold ? 'bold' : ''} ${italics ? 'italics' : ''}`,
    widthOfString: (text: string, size: number) => text.length * size,
    lineHeight: (size: number) => size * 1.25,
  }),
};

describe('pdfmake measuring a text with the style stack asked once per text', () => {
  it('gives every word the properties pdfmake gives it', () => {
    expect(installStyleLookupShortcut()).toBe(true);
    const stackClass = (require(modulePath) as { default: StackClass }).default;
    const patched = (require('pdfmake/js/TextInlines') as { default: InlinesClass }).default;
    const pristine = pristinePdfmakeModule<InlinesClass>('pdfmake/js/TextInlines');
    const words = () => [
      { text: 'Arbeidsmengde ' },
      { text: 'og ', bold: true },
      { text: 'tidspress ', style: 'heading' },
      { text: '  i ', color: null, preserveLeadingSpaces: true },
      { text: 'renholdet ', style: ['note', 'loopB'], fontSize: 7 },
      { text: 'x', sup: true },
      { text: 'siste' },
    ];
    const stack = () => {
      const stack = new stackClass(dictionary, { font: 'Noto Sans', lineHeight: 1.2 });
      for (const style of ['body', { color: 'red', link: 'https://example.org', opacity: 0.5 }, 'note', { italics: false, leadingIndent: 4 }]) stack.push(style);
      return stack;
    };
    const shown = (items: object[]) => items.map((item) => ({ ...item, font: (item as { font: { name: string } }).font.name }));
    const expected = shown(new pristine(fakeDocument).measure(words(), stack()));
    expect(shown(new patched(fakeDocument).measure(words(), stack()))).toEqual(expected);
    // A second text under another stack gets that stack's answers, not the first one's.
    const other = () => new stackClass(dictionary, { font: 'Noto Sans Arabic', fontSize: 9 });
    const expectedOther = shown(new pristine(fakeDocument).measure(words(), other()));
    expect(expectedOther).not.toEqual(expected);
    expect(shown(new patched(fakeDocument).measure(words(), other()))).toEqual(expectedOther);
    expect(expected.map((item) => (item as { link?: unknown }).link)).toContain('https://example.org');
    expect(expected.map((item) => (item as { font: string }).font)).toContain('Noto Sans bold italics');
  });
});
