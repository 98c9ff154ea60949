// The report templates the app offers: the built-in folder and the consultancy's own folder, with
// every problem of those that could not be loaded.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkedAtBuild } from '../guides/built-in-checks';
import { readJsonObject } from '../guides/json-object-file';
import { maxTemplateBytes, parseReportTemplate, type TemplateParseResult, type TemplateProblem } from './parse-template';
import type { ReportTemplate } from './template';

export interface TemplateLibrary {
  list(): ReportTemplate[];
  get(id: string): ReportTemplate | undefined;
  readonly problems: TemplateProblem[];
}

export function builtInTemplateDir(appRoot: string): string {
  return path.join(appRoot, 'templates', 'reports');
}

/** Where a consultancy puts its own templates: beside its data, so they travel with backups. */
export function ownTemplateDir(dataDir: string): string {
  return path.join(dataDir, 'templates', 'reports');
}

/** A folder of templates; `builtIn` marks the app's own, whose files the build checked (built-in-checks.ts). */
export interface TemplateFolder {
  dir: string;
  optional?: boolean;
  builtIn?: boolean;
}

/** A template file checked, or for a file of the app's own folder that the build checked, its result. */
function parseTemplateFile(text: string, source: string, builtIn: boolean): TemplateParseResult {
  const template = builtIn ? (checkedAtBuild('template', text)?.value() as ReportTemplate | undefined) : undefined;
  return template ? { ok: true, template } : parseReportTemplate(text, source);
}

export type FileText = { source: string; text: string } | { source: string; tooLarge: true } | { source: string; unreadable: string };

export async function readTemplateFolder(dir: string, optional: boolean): Promise<FileText[] | TemplateProblem> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json')).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return [];
    return { source: dir, path: '', message: `could not read the template folder (${code ?? String(error)})` };
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const texts: FileText[] = [];
  for (const name of names) {
    const source = path.join(dir, name);
    try {
      // Checked before reading, so that a huge file is never read into memory.
      texts.push((await stat(source)).size > maxTemplateBytes ? { source, tooLarge: true } : { source, text: await readFile(source, 'utf8') });
    } catch (error) {
      texts.push({ source, unreadable: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return texts;
}

/** Loads every *.json template of the folders, in order; of two with the same id the first is kept. */
export async function loadTemplateLibrary(folders: readonly TemplateFolder[]): Promise<TemplateLibrary> {
  const problems: TemplateProblem[] = [];
  const templates = new Map<string, { template: ReportTemplate; source: string }>();
  for (const folder of folders) {
    const read = await readTemplateFolder(folder.dir, folder.optional ?? false);
    if (!Array.isArray(read)) {
      problems.push(read);
      continue;
    }
    for (const file of read) {
      const { source } = file;
      if ('tooLarge' in file) {
        problems.push({ source, path: '', message: 'the file is larger than 2 MB, too large for a report template' });
        continue;
      }
      if ('unreadable' in file) {
        problems.push({ source, path: '', message: `could not read the file (${file.unreadable})` });
        continue;
      }
      const result = parseTemplateFile(file.text, source, !!folder.builtIn);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const first = templates.get(result.template.id);
      if (first) {
        problems.push({ source, path: 'id', message: `template "${result.template.id}" is already loaded from ${first.source}; this copy is left out` });
        continue;
      }
      templates.set(result.template.id, { template: result.template, source });
    }
  }
  const list = [...templates.values()].map((entry) => entry.template);
  return { problems, list: () => [...list], get: (id) => templates.get(id)?.template };
}

/**
 * The template `id` as loadTemplateLibrary(folders).get(id) gives it, checking only the files whose
 * JSON names that id (a template's check never changes its id): an export needs one template, and
 * checking them all took longer than the rest of its preparation. Undefined when no file gives a
 * valid template of that id; the whole library then says why.
 */
export async function loadTemplateById(folders: readonly TemplateFolder[], id: string): Promise<ReportTemplate | undefined> {
  for (const folder of folders) {
    const read = await readTemplateFolder(folder.dir, folder.optional ?? false);
    if (!Array.isArray(read)) continue;
    for (const file of read) {
      if (!('text' in file)) continue;
      const checked = folder.builtIn ? checkedAtBuild('template', file.text) : undefined;
      if (checked && checked.id !== id) continue;
      const recorded = checked?.value() as ReportTemplate | undefined;
      if (recorded) return recorded;
      const json = readJsonObject(file.text, 'a report template', maxTemplateBytes);
      if (!json.ok || json.data.id !== id) continue;
      const result = parseReportTemplate(file.text, file.source);
      if (result.ok) return result.template;
    }
  }
  return undefined;
}

const appTemplateFolders = (appRoot: string, dataDir: string): TemplateFolder[] => [
  { dir: builtInTemplateDir(appRoot), builtIn: true },
  { dir: ownTemplateDir(dataDir), optional: true },
];

export function loadAppTemplates(appRoot: string, dataDir: string): Promise<TemplateLibrary> {
  return loadTemplateLibrary(appTemplateFolders(appRoot, dataDir));
}

export function loadAppTemplate(appRoot: string, dataDir: string, id: string): Promise<ReportTemplate | undefined> {
  return loadTemplateById(appTemplateFolders(appRoot, dataDir), id);
}
