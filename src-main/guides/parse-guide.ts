// Reads one guide from its JSON text: the guide, or every problem with it.
import { guideSchema, type Guide } from '../core/guide';
import { describeGuideIssue, guideProblemsFromIssues, type GuideProblem } from './guide-problems';
import { readJsonObject, type JsonObjectRead } from './json-object-file';

export type { GuideProblem } from './guide-problems';

export type GuideParseResult = { ok: true; guide: Guide } | { ok: false; problems: GuideProblem[] };

/** A real guide is a few hundred kilobytes; anything near this is not a guide. */
export const maxGuideBytes = 5 * 1024 * 1024;

export function parseGuide(text: string, source: string): GuideParseResult {
  const refuse = (message: string): GuideParseResult => ({ ok: false, problems: [{ source, path: '', message }] });

  const read = readGuideJson(text);
  if (!read.ok) return refuse(read.message);
  return parseGuideObject(read.data, source);
}

/** The first step of parseGuide: the text as one JSON object. */
export function readGuideJson(text: string): JsonObjectRead {
  return readJsonObject(text, 'a guide', maxGuideBytes);
}

/** The second step of parseGuide: the object read from the text checked as a guide. */
export function parseGuideObject(data: Record<string, unknown>, source: string): GuideParseResult {
  // jitless: a guide is checked once per process, and zod's compiled fast path for its hundreds of
  // objects costs twice the check itself to build (and is no faster on a second check).
  const parsed = guideSchema.safeParse(data, { error: describeGuideIssue, jitless: true });
  if (parsed.success) return { ok: true, guide: parsed.data };
  return { ok: false, problems: guideProblemsFromIssues(parsed.error.issues, source) };
}
