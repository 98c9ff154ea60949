// Run by the build (electron.vite.config.ts): checks every built-in guide and report template with
// the app's own checks and records each valid one's result by the SHA-256 of its text (see
// built-in-checks.ts). A result is recorded only when JSON gives it back exactly (nothing undefined,
// no dates), so that what the app reads from the record is what the check returned.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseReportTemplate } from './parse-template';
import { builtInTemplateDir } from './template-library';
import { builtInGuideDir } from '../guides/guide-library';
import { checkedKey, type BuiltInChecks, type CheckedKind } from '../guides/built-in-checks';
import { parseGuide } from '../guides/parse-guide';

/** The record: its index and the files it names, by file name within the record's folder. */
export interface BuiltInChecksRecord {
  index: BuiltInChecks;
  files: Map<string, string>;
}

function checkFolder(record: BuiltInChecksRecord, kind: CheckedKind, dir: string, check: (text: string, source: string) => { id: string; version?: string } | undefined): void {
  for (const name of readdirSync(dir).filter((file) => file.toLowerCase().endsWith('.json')).sort()) {
    const source = path.join(dir, name);
    const bytes = readFileSync(source);
    const value = check(bytes.toString('utf8'), source);
    if (!value) continue;
    const json = JSON.stringify(value);
    const back: unknown = JSON.parse(json);
    // JSON keeps the order of keys; it loses undefined values, dates and the like, which this finds.
    if (!isDeepStrictEqual(back, value)) continue;
    const key = checkedKey(kind, bytes);
    const file = `${key.replace(':', '-')}.json`;
    record.index[key] = { id: value.id, ...(value.version !== undefined ? { version: value.version } : {}), file };
    record.files.set(file, json);
  }
}

export function recordBuiltInChecks(appRoot: string): BuiltInChecksRecord {
  const checks: BuiltInChecksRecord = { index: {}, files: new Map() };
  checkFolder(checks, 'guide', builtInGuideDir(appRoot), (text, source) => {
    const result = parseGuide(text, source);
    return result.ok ? result.guide : undefined;
  });
  checkFolder(checks, 'template', builtInTemplateDir(appRoot), (text, source) => {
    const result = parseReportTemplate(text, source);
    return result.ok ? result.template : undefined;
  });
  return checks;
}
