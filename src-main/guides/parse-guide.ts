// Reads one guide from its JSON text: the guide, or every problem with it.
import { guideSchema, type Guide } from '../core/guide';
import { describeGuideIssue, guideProblemsFromIssues, type GuideProblem } from './guide-problems';
import { readJsonObject } from './json-object-file';

export type { GuideProblem } from './guide-problems';

export type GuideParseResult = { ok: true; guide: Guide } | { ok: false; problems: GuideProblem[] };

/** A real guide is a few hundred kilobytes; anything near this is not a guide. */
export const maxGuideBytes = 5 * 1024 * 1024;

export function parseGuide(text: string, source: string): GuideParseResult {
  const refuse = (message: string): GuideParseResult => ({ ok: false, problems: [{ source, path: '', message }] });

  const read = readJsonObject(text, 'a guide', maxGuideBytes);
  if (!read.ok) return refuse(read.message);

  const parsed = guideSchema.safeParse(read.data, { error: describeGuideIssue });
  if (parsed.success) return { ok: true, guide: parsed.data };
  return { ok: false, problems: guideProblemsFromIssues(parsed.error.issues, source) };
}
