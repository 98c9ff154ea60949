// A template text's small syntax: {{name}} inserts a named value, **…** marks bold. Parsed, never
// evaluated: a value is inserted as plain text, so a client called "**x**" stays "**x**".
import type { TextRun } from './model';
import { isPlaceholderName, placeholderValue, type PlaceholderName } from './placeholders';
import type { ReportContext } from './report-context';

export type TextPart = { kind: 'text'; text: string; bold: boolean } | { kind: 'placeholder'; name: PlaceholderName; bold: boolean };

export type ParsedText = { ok: true; parts: TextPart[] } | { ok: false; problems: string[] };

const token = /\{\{\s*([^{}]*?)\s*\}\}|\*\*|\{\{|\}\}/g;

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

/** The placeholders a valid text uses. */
export function placeholdersIn(source: string): PlaceholderName[] {
  const parsed = parseTemplateText(source);
  return parsed.ok ? parsed.parts.flatMap((part) => (part.kind === 'placeholder' ? [part.name] : [])) : [];
}

/** The text with its values filled in, as runs; neighbouring runs of the same look are joined. */
export function renderTemplateText(source: string, context: ReportContext): TextRun[] {
  const parsed = parseTemplateText(source);
  // Templates are checked when they are loaded; a text that fails here is a bug, not user input.
  if (!parsed.ok) throw new Error(`Template text not checked: ${parsed.problems.join('; ')}`);
  const runs: TextRun[] = [];
  for (const part of parsed.parts) {
    const text = part.kind === 'text' ? part.text : placeholderValue(part.name, context);
    if (!text) continue;
    const last = runs[runs.length - 1];
    if (last && !!last.bold === part.bold) last.text += text;
    else runs.push(part.bold ? { text, bold: true } : { text });
  }
  return runs;
}

export function plainText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('');
}
