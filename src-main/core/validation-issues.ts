// Turns schema (zod) issues into error issues: a readable path, a message, a key for the UI. Used
// wherever input is checked: API calls, guide and template files, packages.
import type { z } from 'zod';
import type { ErrorIssue } from './errors';

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

/** A stable key the renderer translates; the message is the English fallback. */
function issueKey(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { key?: unknown } }).params;
  if (typeof params?.key === 'string') return params.key;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'wrongType';
    // A missing choice (an enum or literal left out) is missing, not a wrong option.
    case 'invalid_value':
      return issue.input === undefined ? 'required' : undefined;
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'tooLarge';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'tooSmall';
    case 'unrecognized_keys':
      return 'unknownField';
    case 'invalid_format':
      return 'format';
    default:
      return undefined;
  }
}

export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const key = issueKey(issue);
    const base = { path: formatPath(issue.path), message: issue.message };
    return key ? { ...base, key } : base;
  });
}
