// Turns zod's issues about a guide into problems a guide's author can act on: where, and what, in plain English.
import type { z } from 'zod';
import { formatPath } from '../core/validation-issues';

export interface GuideProblem {
  /** The file or the stored guide the problem is in. */
  source: string;
  /** Where in the guide, e.g. "items[3].text.pl"; empty for the file as a whole. */
  path: string;
  message: string;
}

type RawIssue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = { int: 'whole number', record: 'object', nonoptional: 'a value' };

/** The JSON name of a value's type, as the author sees it in the file. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A message for the issues whose schema gives none of its own (a per-parse zod error map). */
export function describeGuideIssue(issue: RawIssue): string | undefined {
  const path = issue.path ?? [];
  const field = path[path.length - 1];
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return typeof field === 'string' ? `missing required field "${field}"` : 'missing value';
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      const got = issue.expected === 'int' && typeof issue.input === 'number' ? String(issue.input) : jsonType(issue.input);
      return `expected ${expected}, got ${got}`;
    }
    case 'invalid_value': {
      const expected = issue.values.length === 1 ? shown(issue.values[0]) : `one of ${issue.values.map(shown).join(', ')}`;
      return `expected ${expected}, got ${shown(issue.input)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `must be at least ${plural(min, 'character', 'characters')}`;
      if (issue.origin === 'array') return `needs at least ${plural(min, 'entry', 'entries')}`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${plural(max, 'character', 'characters')}`;
      if (issue.origin === 'array') return `allows at most ${plural(max, 'entry', 'entries')}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? `does not match the pattern ${issue.pattern ?? ''}` : `not a valid ${issue.format}`;
    case 'invalid_key': {
      const reasons = issue.issues.map((inner) => inner.message).join('; ');
      return `invalid key ${shown(issue.input)}: ${reasons}`;
    }
    default:
      return undefined;
  }
}

/** One problem per issue, except that each unknown field gets its own, at its own path. */
export function guideProblemsFromIssues(issues: readonly z.core.$ZodIssue[], source: string): GuideProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ source, path: formatPath([...issue.path, key]), message: `unknown field "${key}"` }))
      : [{ source, path: formatPath(issue.path), message: issue.message }],
  );
}
