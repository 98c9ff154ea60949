// Where issued report files live (<data folder>/reports/<assessment id>/), and writing them safely:
// a temp file, flushed, then renamed, so a file with a report's name is always whole.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { syncFile, syncFolder } from '../db/file-sync';
import { makePrivateFolder, privateFileMode } from '../db/private-files';

export { reportFolder } from '../db/issued-reports-repo';

export { sha256 } from '../db/sha256';

/** Letters of any script, digits, spaces and . _ - survive; what a file system could refuse does not. */
export function safeFileName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/^[. ]+|[. ]+$/g, '');
}

/** The name, or the name with " (2)", " (3)" … when a file already has it: an issued file is never overwritten. */
export function freeFileName(dir: string, base: string, extension: string, taken: ReadonlySet<string> = new Set()): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : ` (${n})`}.${extension}`;
    if (!taken.has(name) && !existsSync(path.join(dir, name))) return name;
  }
}

export function writeFileAtomically(dir: string, name: string, data: Uint8Array): void {
  makePrivateFolder(dir);
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data, { mode: privateFileMode });
    syncFile(temp);
    renameSync(temp, target);
    syncFolder(dir);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function removeReportFile(dir: string, name: string): void {
  rmSync(path.join(dir, name), { force: true });
}

export function readReportFile(dir: string, name: string): Buffer | undefined {
  // The name comes from the database, but a path must still never leave the folder.
  if (path.basename(name) !== name) return undefined;
  const file = path.join(dir, name);
  return existsSync(file) ? readFileSync(file) : undefined;
}

export interface ReportFileNaming {
  /** The template's name in the report's language; only the part before a comma or bracket is used. */
  templateName: string;
  client: string;
  /** YYYY-MM-DD: the day the revision was issued, or today for a draft. */
  date: string;
  revision: number;
  /** "UTKAST" on a draft. */
  draftMark?: string | null;
}

/** "Risikovurdering Bedrift AS 2026-12-05 rev 2", the same in every format; made safe for any file system. */
export function reportFileBase({ templateName, client, date, revision, draftMark }: ReportFileNaming): string {
  const kind = templateName.split(/[,(]/)[0].trim();
  const base = safeFileName([kind, client, date, `rev ${revision}`, draftMark ?? ''].filter(Boolean).join(' '));
  return base || `rev ${revision}`;
}
