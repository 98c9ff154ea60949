// The interview guides the app can use: the built-in files plus imported ones, with every problem
// of those that could not be loaded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Guide } from '../core/guide';
import type { GuideProblem } from './guide-problems';
import { guideVersionPattern } from '../core/guide';
import { checkedAtBuild, type CheckedFile } from './built-in-checks';
import { maxGuideBytes, parseGuideObject, readGuideJson, type GuideParseResult } from './parse-guide';

export interface GuideText {
  /** Where the text came from, for the problem list, e.g. "database: cleaning-2024 1.0". */
  source: string;
  text: string;
}

export interface GuideLibrary {
  /** Every loaded guide, by id, newest version first. */
  list(): Guide[];
  /** The given version, or without one the newest. */
  get(id: string, version?: string): Guide | undefined;
  /** Why the guides that are missing are missing. */
  readonly problems: GuideProblem[];
}

function versionParts(version: string): number[] {
  const parts = version.split('.').map(Number);
  while (parts.length > 1 && parts[parts.length - 1] === 0) parts.pop();
  return parts;
}

/** Compares versions number by number, so 1.10 is newer than 1.9 and 1.0 equals 1.0.0. */
export function compareGuideVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The folder of the guides that ship with the app. */
export function builtInGuideDir(appRoot: string): string {
  return join(appRoot, 'templates', 'interviews');
}

const guideKey = (id: string, version: string) => `${id}@${versionParts(version).join('.')}`;

/** A file of the guide folder, as read: decoded only when the build did not check it (built-in-checks.ts). */
interface GuideFile {
  source: string;
  bytes: Buffer;
}

function readGuideFolder(dir: string): { files: GuideFile[]; problems: GuideProblem[] } {
  let names: string[];
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json')).map((e) => e.name);
  } catch (error) {
    return { files: [], problems: [{ source: dir, path: '', message: `could not read the guide folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  // A fixed order, whatever the file system's, so that "the first one wins" means the same everywhere.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const files: GuideFile[] = [];
  const problems: GuideProblem[] = [];
  for (const name of names) {
    const source = join(dir, name);
    try {
      // Checked before reading, so that a huge file is never read into memory.
      if (statSync(source).size > maxGuideBytes) {
        problems.push({ source, path: '', message: 'the file is larger than 5 MB, too large for a guide' });
        continue;
      }
      files.push({ source, bytes: readFileSync(source) });
    } catch (error) {
      problems.push({ source, path: '', message: `could not read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  }
  return { files, problems };
}

/** One text of the library: its id and version as the JSON names them (a guide's check never
 * changes either), and the full check, made once when first needed. */
interface LibraryEntry {
  source: string;
  key: string | undefined;
  id: unknown;
  version: unknown;
  parse(): GuideParseResult;
}

/** A built-in guide as the build checked it (built-in-checks.ts): read only when it is used, and
 * checked in full should the record's value be unreadable. */
function checkedEntry(source: string, checked: CheckedFile & { version: string }, check: () => GuideParseResult): LibraryEntry {
  let result: GuideParseResult | undefined;
  const parse = (): GuideParseResult => {
    const guide = checked.value() as Guide | undefined;
    return guide === undefined ? check() : { ok: true, guide };
  };
  return { source, key: guideKey(checked.id, checked.version), id: checked.id, version: checked.version, parse: () => (result ??= parse()) };
}

/** A file of the guide folder; of the app's own folder (builtIn), as the build checked it if it did. */
function folderEntry({ source, bytes }: GuideFile, builtIn: boolean): LibraryEntry {
  const checked = builtIn ? checkedAtBuild('guide', bytes) : undefined;
  const unchecked = () => libraryEntry({ source, text: bytes.toString('utf8') });
  if (checked?.version !== undefined) return checkedEntry(source, { ...checked, version: checked.version }, () => unchecked().parse());
  return unchecked();
}

function libraryEntry({ source, text }: GuideText): LibraryEntry {
  const read = readGuideJson(text);
  const data = read.ok ? read.data : undefined;
  const named = typeof data?.id === 'string' && typeof data.version === 'string';
  let result: GuideParseResult | undefined;
  return {
    source,
    key: named ? guideKey(data.id as string, data.version as string) : undefined,
    id: data?.id,
    version: data?.version,
    parse: () => (result ??= read.ok ? parseGuideObject(read.data, source) : { ok: false, problems: [{ source, path: '', message: read.message }] }),
  };
}

/** Loads every *.json guide in dir, then the extra texts (imported guides). A guide with problems
 * is left out and its problems listed; of two with the same id and version the first is kept.
 * Synchronous, so that the API can load the guides on their first use rather than at every start.
 * A guide is checked when first asked for: get() checks only the texts that name the guide asked
 * for (an issued report needs one guide; checking them all took longer than reading them), list()
 * and problems check every text. `builtIn` says that dir is the app's own guide folder, whose files
 * the build checked (built-in-checks.ts); imported guides (extra) are always checked. */
export function loadGuideLibrary(dir: string, extra: readonly GuideText[] = [], options: { builtIn?: boolean } = {}): GuideLibrary {
  const folder = readGuideFolder(dir);
  const entries = [...folder.files.map((file) => folderEntry(file, !!options.builtIn)), ...extra.map(libraryEntry)];
  let whole: { guides: Guide[]; problems: GuideProblem[] } | undefined;

  const loadAll = () => {
    if (whole) return whole;
    const problems = [...folder.problems];
    const loaded = new Map<string, { guide: Guide; source: string }>();
    for (const entry of entries) {
      const result = entry.parse();
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const { guide } = result;
      const key = guideKey(guide.id, guide.version);
      const first = loaded.get(key);
      if (first) {
        problems.push({
          source: entry.source,
          path: 'version',
          message: `guide "${guide.id}" version ${guide.version} is already loaded from ${first.source}; this copy is left out`,
        });
        continue;
      }
      loaded.set(key, { guide, source: entry.source });
    }
    const guides = [...loaded.values()]
      .map((entry) => entry.guide)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareGuideVersions(b.version, a.version)));
    whole = { guides, problems };
    return whole;
  };

  /** The first valid guide of these texts, in their order: the one the whole library keeps. */
  const firstValid = (candidates: LibraryEntry[]): Guide | undefined => {
    for (const entry of candidates) {
      const result = entry.parse();
      if (result.ok) return result.guide;
    }
    return undefined;
  };

  const get = (id: string, version?: string): Guide | undefined => {
    if (whole) return whole.guides.find((g) => g.id === id && (version === undefined || guideKey(g.id, g.version) === guideKey(id, version)));
    if (version !== undefined) {
      const key = guideKey(id, version);
      return firstValid(entries.filter((entry) => entry.key === key));
    }
    // Newest version first; only a version a guide may have can be valid, so only those are compared.
    const versions = entries.filter((entry) => entry.id === id && typeof entry.version === 'string' && guideVersionPattern.test(entry.version));
    const newestFirst = [...new Set(versions.map((entry) => entry.key))]
      .map((key) => versions.find((entry) => entry.key === key)!.version as string)
      .sort((a, b) => compareGuideVersions(b, a));
    for (const newest of newestFirst) {
      const guide = firstValid(versions.filter((entry) => entry.key === guideKey(id, newest)));
      if (guide) return guide;
    }
    return undefined;
  };

  return {
    get problems() {
      return loadAll().problems;
    },
    list: () => [...loadAll().guides],
    get,
  };
}
