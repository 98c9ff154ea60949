// The built-in guides and report templates as the build checked them. Checking a guide (zod, some
// hundreds of objects) and a template took a cold export 20–40 ms, for files that ship with the app
// and were already checked, by the same code, when it was built. The build records each built-in
// file's SHA-256 (with the ICU data's versions) and the result of its check
// (reports/built-in-checks-record.ts); a file of the app's own folders whose bytes have that hash
// under the same ICU data is given that result instead of being checked again: the same bytes, the
// same code and the same data give the same result. Any other file (changed, imported, the
// consultancy's own, or any file when the app runs from its sources, as in the tests) is checked in
// full.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { besideBuiltMain } from '../db/build-output';

/** The record's folder, beside the built main-process code: index.json and one file per result. */
export const builtInChecksFolder = 'checked-built-ins';

export type CheckedKind = 'guide' | 'template';

/** One checked file in the index: its id and version as the checked value has them, and the file
 * (in the record's folder) that holds the value as JSON. */
export interface CheckedEntry {
  id: string;
  version?: string;
  file: string;
}

/** By `${kind}:${sha256 of the file's bytes}` (a text is hashed as its UTF-8 bytes). */
export type BuiltInChecks = Record<string, CheckedEntry>;

/** A checked file as the app uses it: its id and version, and its value, read when asked for
 * (undefined when the record's file for it cannot be read: the caller then checks the file). */
export interface CheckedFile {
  id: string;
  version?: string;
  value(): unknown;
}

/** What a check's result depends on besides the bytes and the code: the plural forms a template
 * must give come from ICU's CLDR data, which differ between Node, Electron and distributions. */
const checkEnvironment = () => `icu ${process.versions.icu ?? '-'} cldr ${process.versions.cldr ?? '-'} unicode ${process.versions.unicode ?? '-'}\n`;

export const checkedKey = (kind: CheckedKind, text: string | Uint8Array): string => `${kind}:${createHash('sha256').update(checkEnvironment()).update(text).digest('hex')}`;

let record: { folder: string; index: BuiltInChecks } | null | undefined;

/** The build's record, read when first needed; null when there is none (the app runs from its sources). */
function builtInChecks(): { folder: string; index: BuiltInChecks } | null {
  if (record !== undefined) return record;
  record = null;
  for (const folder of besideBuiltMain(`${builtInChecksFolder}/`)) {
    try {
      record = { folder, index: JSON.parse(readFileSync(folder + 'index.json', 'utf8')) as BuiltInChecks };
      break;
    } catch {
      // Not in this folder.
    }
  }
  return record;
}

/** The build's check of exactly this file (its bytes, or its text as UTF-8), if it recorded one. */
export function checkedAtBuild(kind: CheckedKind, text: string | Uint8Array): CheckedFile | undefined {
  const checks = builtInChecks();
  const entry = checks?.index[checkedKey(kind, text)];
  if (!checks || !entry) return undefined;
  const value = () => {
    try {
      return JSON.parse(readFileSync(checks.folder + entry.file, 'utf8')) as unknown;
    } catch {
      // Missing or cut short (a partial install, a rebuild while the app runs): checked in full.
      return undefined;
    }
  };
  return { id: entry.id, version: entry.version, value };
}

/** For tests: use the record in this folder instead of the build's (null: none). */
export function useBuiltInChecks(folder: string | null): void {
  record = undefined;
  if (folder === null) record = null;
  else record = { folder: folder.endsWith('/') ? folder : `${folder}/`, index: JSON.parse(readFileSync(`${folder}/index.json`, 'utf8')) as BuiltInChecks };
}
