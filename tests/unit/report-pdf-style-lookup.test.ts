// pdfmake's style lookup, shortened for words without named styles (style-lookup-shortcut.ts),
// answers every question as pdfmake's own does: named styles that extend others (in a loop too),
// overrides, strings, sections, and items with and without styles of their own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installStyleLookupShortcut } from '../../src-main/reports/pdf/style-lookup-shortcut';

const require = createRequire(import.meta.url);
const modulePath = require.resolve('pdfmake/js/StyleContextStack');

interface Stack {
  push(style: unknown): void;
}
interface StackClass {
  new (dictionary: Record<string, unknown>, defaultStyle?: Record<string, unknown>): Stack;
  getStyleProperty(item: unknown, stack: Stack | null, property: string, defaultValue: unknown): unknown;
}

/** pdfmake's class as it ships, loaded past Node's module cache so no shortcut reaches it. */
function pristineClass(): StackClass {
  const saved = require.cache[modulePath];
  delete require.cache[modulePath];
  try {
    return (require(modulePath) as { default: StackClass }).default;
  } finally {
    if (saved) require.cache[modulePath] = saved;
  }
}

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
