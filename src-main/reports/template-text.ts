// A template text's small syntax: {{name}} inserts a named value, {{name|one:# person|other:# people}}
// a count in the form the language's plural rules choose (Intl.PluralRules; "#" is the number,
// "none" an optional form for exactly 0), **…** marks bold. Parsed, never evaluated: a value is
// inserted as plain text, so a client called "**x**" stays "**x**". A sentence with a value that is
// empty is left out, so no report says "in the period ." when a date is missing.
import type { TextRun } from './model';
import { isPlaceholderName, placeholderSpec, placeholderValue, type PlaceholderName } from './placeholders';
import type { ReportContext } from './report-context';

export const pluralForms = ['none', 'zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof pluralForms)[number];

export type TextPart =
  | { kind: 'text'; text: string; bold: boolean }
  | { kind: 'placeholder'; name: PlaceholderName; bold: boolean }
  | { kind: 'plural'; name: PlaceholderName; forms: Partial<Record<PluralForm, string>>; bold: boolean };

export type ParsedText = { ok: true; parts: TextPart[] } | { ok: false; problems: string[] };

const token = /\{\{\s*([^{}]*?)\s*\}\}|\*\*|\{\{|\}\}/g;

function parsePlural(inner: string, bold: boolean, problems: string[]): TextPart | null {
  const [rawName, ...options] = inner.split('|');
  const name = rawName.trim();
  if (!isPlaceholderName(name)) {
    problems.push(`unknown placeholder "{{${name}}}"`);
    return null;
  }
  if (!placeholderSpec(name).count) {
    problems.push(`"{{${name}|…}}": only a count has plural forms`);
    return null;
  }
  const forms: Partial<Record<PluralForm, string>> = {};
  for (const option of options) {
    const colon = option.indexOf(':');
    const form = option.slice(0, colon).trim();
    if (colon < 0 || !(pluralForms as readonly string[]).includes(form)) {
      problems.push(`"{{${name}|…}}": "${option.trim()}" is not a plural form (${pluralForms.join(', ')}, then ":" and the text)`);
      continue;
    }
    forms[form as PluralForm] = option.slice(colon + 1);
  }
  if (forms.other === undefined) problems.push(`"{{${name}|…}}" needs an "other" form`);
  return { kind: 'plural', name, forms, bold };
}

export function parseTemplateText(source: string): ParsedText {
  const parts: TextPart[] = [];
  const problems: string[] = [];
  let bold = false;
  let at = 0;
  const literal = (text: string) => {
    if (text) parts.push({ kind: 'text', text, bold });
  };
  for (const match of source.matchAll(token)) {
    literal(source.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[0] === '**') {
      bold = !bold;
    } else if (match[0] === '{{') {
      problems.push(`"{{" at character ${match.index + 1} is not closed with "}}"`);
    } else if (match[0] === '}}') {
      problems.push(`"}}" at character ${match.index + 1} has no "{{" before it`);
    } else if (match[1].includes('|')) {
      const part = parsePlural(match[1], bold, problems);
      if (part) parts.push(part);
    } else {
      const name = match[1];
      if (isPlaceholderName(name)) parts.push({ kind: 'placeholder', name, bold });
      else problems.push(`unknown placeholder "{{${name}}}"`);
    }
  }
  literal(source.slice(at));
  if (bold) problems.push('"**" opens bold text that is never closed');
  return problems.length ? { ok: false, problems } : { ok: true, parts };
}

/** The plural forms a language's rules need that a valid text's counts lack. */
export function missingPluralForms(source: string, language: string): string[] {
  const parsed = parseTemplateText(source);
  if (!parsed.ok) return [];
  let needed: string[];
  try {
    needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  } catch {
    needed = ['other'];
  }
  return parsed.parts.flatMap((part) =>
    part.kind === 'plural' ? needed.filter((form) => part.forms[form as PluralForm] === undefined).map((form) => `"{{${part.name}|…}}" lacks the "${form}" form ${language} needs`) : [],
  );
}

/** The placeholders a valid text uses. */
export function placeholdersIn(source: string): PlaceholderName[] {
  const parsed = parseTemplateText(source);
  return parsed.ok ? parsed.parts.flatMap((part) => (part.kind === 'text' ? [] : [part.name])) : [];
}

/** The plural rules and number format of a locale, made once each (a report fills many plurals). */
const pluralFormats = new Map<string, { rules: Intl.PluralRules; numbers: Intl.NumberFormat }>();

function pluralFormat(locale: string): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  let format = pluralFormats.get(locale);
  if (!format) {
    format = { rules: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) };
    pluralFormats.set(locale, format);
  }
  return format;
}

/** A count in the form the language's plural rules choose for it; "#" is the number. */
function pluralText(part: Extract<TextPart, { kind: 'plural' }>, value: string, context: ReportContext): string {
  const n = Number(value);
  const { rules, numbers } = pluralFormat(context.locale);
  const form: PluralForm = n === 0 && part.forms.none !== undefined ? 'none' : (rules.select(n) as PluralForm);
  return (part.forms[form] ?? part.forms.other ?? '').split('#').join(numbers.format(n));
}

/** Where a sentence ends inside a literal text: after . ! ? (and the Arabic and Ethiopic marks) and space. */
const sentenceEnd = /(?<=[.!?\u061F\u06D4\u1362\u1367])\s+/u;

/** The parts cut into sentences; a literal text may end one sentence and begin the next. */
function sentences(parts: readonly TextPart[]): TextPart[][] {
  const result: TextPart[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'text') {
      result[result.length - 1].push(part);
      continue;
    }
    const pieces = part.text.split(sentenceEnd);
    let offset = 0;
    pieces.forEach((piece, i) => {
      const start = part.text.indexOf(piece, offset);
      // The space after a sentence stays with it, so a sentence left out takes its space along.
      const end = i < pieces.length - 1 ? part.text.indexOf(pieces[i + 1], start + piece.length) : part.text.length;
      offset = end;
      if (i > 0) result.push([]);
      result[result.length - 1].push({ ...part, text: part.text.slice(start, end) });
    });
  }
  return result;
}

/** The text with its values filled in, as runs; neighbouring runs of the same look are joined. */
export function renderTemplateText(source: string, context: ReportContext): TextRun[] {
  const parsed = parseTemplateText(source);
  // Templates are checked when they are loaded; a text that fails here is a bug, not user input.
  if (!parsed.ok) throw new Error(`Template text not checked: ${parsed.problems.join('; ')}`);
  const runs: TextRun[] = [];
  for (const sentence of sentences(parsed.parts)) {
    const texts = sentence.map((part) => {
      if (part.kind === 'text') return part.text;
      const value = placeholderValue(part.name, context);
      return part.kind === 'plural' && value !== '' ? pluralText(part, value, context) : value;
    });
    if (sentence.some((part, i) => part.kind !== 'text' && texts[i] === '')) continue;
    sentence.forEach((part, i) => {
      const text = texts[i];
      if (!text) return;
      const last = runs[runs.length - 1];
      if (last && !!last.bold === part.bold) last.text += text;
      else runs.push(part.bold ? { text, bold: true } : { text });
    });
  }
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.trimEnd();
  return runs;
}

export function plainText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('');
}
