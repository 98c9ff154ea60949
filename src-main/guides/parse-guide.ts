// Reads one guide from its JSON text: the guide, or every problem with it.
import { guideSchema, type Guide } from '../core/guide';
import { describeGuideIssue, guideProblemsFromIssues, type GuideProblem } from './guide-problems';
import { findJsonSyntaxError } from './json-syntax';

export type { GuideProblem } from './guide-problems';

export type GuideParseResult = { ok: true; guide: Guide } | { ok: false; problems: GuideProblem[] };

/** A real guide is a few hundred kilobytes; anything near this is not a guide. */
export const maxGuideBytes = 5 * 1024 * 1024;

export function parseGuide(text: string, source: string): GuideParseResult {
  const refuse = (message: string): GuideParseResult => ({ ok: false, problems: [{ source, path: '', message }] });

  if (text.length > maxGuideBytes || Buffer.byteLength(text, 'utf8') > maxGuideBytes) {
    return refuse('the file is larger than 5 MB, too large for a guide');
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;

  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const found = findJsonSyntaxError(json);
    return refuse(
      found
        ? `invalid JSON at line ${found.line}, column ${found.column}: ${found.message}`
        : `invalid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse(`a guide must be a JSON object ({ ... }), not ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`}`);
  }

  const parsed = guideSchema.safeParse(data, { error: describeGuideIssue });
  if (parsed.success) return { ok: true, guide: parsed.data };
  return { ok: false, problems: guideProblemsFromIssues(parsed.error.issues, source) };
}
