// pdfmake asks its style stack for about twenty properties of every word it measures (font, bold,
// size, colour, decoration, link, ...): each question pushed the word onto the stack, built two
// closures and walked the stack. The same answers, without the push and the closures: a word
// without named styles of its own adds nothing to the stack that its own properties, already
// looked at first, would not have answered. Installed once per process on pdfmake's class; a word
// with named styles, or a pdfmake whose class no longer looks like this, takes pdfmake's own path.
// While pdfmake measures one text's words (TextInlines.measure), its style stack does not change
// (nothing is pushed or popped between the words, and the words, new objects made by its line
// breaker, are not on the stack), so what the stack answers for a property is asked of it once per
// text instead of once per word.
import { createRequire } from 'node:module';

interface StyleContextStack {
  styleDictionary: Record<string, Record<string, unknown> & { extends?: string | string[] }>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: unknown[];
  getProperty(property: string): unknown;
}

interface StyleContextStackClass {
  prototype: StyleContextStack;
  getStyleProperty(item: unknown, stack: StyleContextStack | null | undefined, property: string, defaultValue: unknown): unknown;
  shortcutInstalled?: true;
}

const isValue = (value: unknown) => value !== undefined && value !== null;
const isString = (value: unknown) => typeof value === 'string' || value instanceof String;

/** pdfmake's lookup of a property in a named style and the styles it extends, as in getProperty.
 * The names already visited are only needed once a style extends another: until then the set
 * pdfmake makes for every question would hold just this name (`visited` null). */
function fromNamedStyle(stack: StyleContextStack, name: string, property: string, visited: Set<string> | null): unknown {
  if (visited?.has(name)) return undefined;
  const style = stack.styleDictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const seen = visited ?? new Set<string>();
    seen.add(name);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromNamedStyle(stack, parents[i], property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** StyleContextStack.getProperty, step for step, with its per-call closure hoisted. */
function getProperty(this: StyleContextStack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (isString(item)) {
        const value = fromNamedStyle(this, item as string, property, null);
        if (isValue(value)) return value;
      } else if (isValue((item as Record<string, unknown>)[property])) {
        return (item as Record<string, unknown>)[property];
      }
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

interface TextInlinesClass {
  prototype: { measure(array: unknown[], stack: StyleContextStack): unknown[] };
}

/** The stack of the text being measured and what it answered so far. */
let measuring: { stack: StyleContextStack; answers: Map<string, unknown> } | null = null;

/** The stack's answer for a property, asked once per measured text (see above). */
function stackAnswer(stack: StyleContextStack, property: string): unknown {
  if (measuring?.stack !== stack) return stack.getProperty(property);
  const { answers } = measuring;
  if (answers.has(property)) return answers.get(property);
  const value = stack.getProperty(property);
  answers.set(property, value);
  return value;
}

export function installStyleLookupShortcut(): boolean {
  const require = createRequire(import.meta.url);
  const module = require('pdfmake/js/StyleContextStack') as { default?: StyleContextStackClass };
  const stackClass = module.default;
  if (!stackClass || typeof stackClass.getStyleProperty !== 'function' || typeof stackClass.prototype.getProperty !== 'function') return false;
  if (stackClass.shortcutInstalled) return true;
  const getStyleProperty = stackClass.getStyleProperty;
  stackClass.prototype.getProperty = getProperty;
  stackClass.getStyleProperty = function (item, stack, property, defaultValue) {
    const own = (item as Record<string, unknown>)[property];
    if (isValue(own)) return own;
    if (!stack) return defaultValue;
    const node = item as { section?: unknown; style?: unknown };
    // autopush pushes nothing for a string or a section, and only the item itself (which has no
    // value for the property) when it names no styles.
    if (isString(item) || node.section !== undefined || !node.style) {
      const value = stackAnswer(stack, property);
      return isValue(value) ? value : defaultValue;
    }
    return getStyleProperty.call(this, item, stack, property, defaultValue);
  };
  const inlines = (require('pdfmake/js/TextInlines') as { default?: TextInlinesClass }).default;
  const measure = inlines?.prototype.measure;
  if (inlines && typeof measure === 'function') {
    inlines.prototype.measure = function (array, stack) {
      const outer = measuring;
      measuring = stack ? { stack, answers: new Map() } : null;
      try {
        return measure.call(this, array, stack);
      } finally {
        measuring = outer;
      }
    };
  }
  stackClass.shortcutInstalled = true;
  return true;
}
