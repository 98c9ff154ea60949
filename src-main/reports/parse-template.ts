// Reads one report template from its JSON text: the template, or every problem with it (file, path,
// what is wrong), before anything is rendered.
import { formatPath } from '../core/validation-issues';
import { describeGuideIssue, guideProblemsFromIssues, type GuideProblem } from '../guides/guide-problems';
import { readJsonObject } from '../guides/json-object-file';
import { placeholderSpec } from './placeholders';
import { blocksWithFixedTexts, blockTypes, fixedTextLanguages, templateShape, type BlockType, type ReportTemplate } from './template';
import { missingPluralForms, placeholdersIn, parseTemplateText } from './template-text';

/** Where (file and path) and what, as for guides. */
export type TemplateProblem = GuideProblem;

export type TemplateParseResult = { ok: true; template: ReportTemplate } | { ok: false; problems: TemplateProblem[] };

/** A real template is some tens of kilobytes. */
export const maxTemplateBytes = 2 * 1024 * 1024;

type Path = (string | number)[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text fields of each block type, and whether the field is a list of texts. */
const blockTextFields: Partial<Record<BlockType, { key: string; list?: boolean; rows?: string[] }[]>> = {
  heading: [{ key: 'text' }],
  title: [{ key: 'text' }, { key: 'subtitle' }],
  paragraph: [{ key: 'text' }],
  list: [{ key: 'items', list: true }],
  facts: [{ key: 'rows', rows: ['label', 'value'] }],
  tableOfContents: [{ key: 'title' }],
  fillIn: [{ key: 'label' }],
  factorChart: [{ key: 'title' }],
  signatures: [{ key: 'roles', list: true }],
  keyFactors: [{ key: 'empty' }],
  measureList: [{ key: 'empty' }, { key: 'overdue' }, { key: 'more' }],
};

/**
 * The checks a shape cannot express: every text in every language of the template, only known
 * placeholders (and page numbers only in header and footer), and fixed-text blocks and placeholders
 * only in bokmål or English templates. Walks the raw data, so it finds these problems even where
 * the shape has others.
 */
function crossCheck(data: Record<string, unknown>): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  const languageEntries = Array.isArray(data.languages) ? data.languages : [];
  const codes = languageEntries.map((entry) => (isObject(entry) && typeof entry.code === 'string' ? entry.code : undefined));
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (code === undefined) return;
    if (seen.has(code)) report(['languages', index, 'code'], `duplicate language "${code}"`);
    seen.add(code);
  });
  const languages = codes.every((code) => code !== undefined) ? [...seen] : undefined;
  const fixedTextsAllowed = languages?.every((code) => (fixedTextLanguages as readonly string[]).includes(code)) ?? true;
  const notFixed = () => `the template's languages (${languages?.join(', ')}) go beyond nb and en`;

  const checkString = (text: string, path: Path, pageText: boolean, language?: string) => {
    const parsed = parseTemplateText(text);
    if (!parsed.ok) {
      for (const problem of parsed.problems) report(path, problem);
      return;
    }
    for (const code of language ? [language] : (languages ?? [])) {
      for (const problem of missingPluralForms(text, code)) report(path, problem);
    }
    for (const name of placeholdersIn(text)) {
      const spec = placeholderSpec(name);
      if (spec.pageOnly && !pageText) report(path, `placeholder "{{${name}}}" is only allowed in the header and footer`);
      if (spec.fixedText && !fixedTextsAllowed) report(path, `placeholder "{{${name}}}" has its words only in nb and en, but ${notFixed()}`);
    }
  };

  const checkText = (value: unknown, path: Path, pageText = false) => {
    if (typeof value === 'string') return checkString(value, path, pageText);
    if (!isObject(value)) return;
    for (const [code, text] of Object.entries(value)) {
      if (languages && !languages.includes(code)) report([...path, code], `language "${code}" is not in the template's language list`);
      if (typeof text === 'string') checkString(text, [...path, code], pageText, code);
    }
    for (const code of languages ?? []) {
      if (!(code in value)) report([...path, code], `missing ${code} text`);
    }
  };

  const checkBlocks = (blocks: unknown, path: Path) => {
    if (!Array.isArray(blocks)) return;
    blocks.forEach((block, index) => {
      if (!isObject(block)) return;
      const at = [...path, index];
      const type = block.type;
      if (typeof type !== 'string' || !(blockTypes as readonly string[]).includes(type)) return;
      if (blocksWithFixedTexts.has(type as BlockType) && !fixedTextsAllowed) {
        report([...at, 'type'], `block "${type}" writes fixed texts that exist only in nb and en, but ${notFixed()}`);
      }
      if (type === 'when') {
        checkBlocks(block.blocks, [...at, 'blocks']);
        checkBlocks(block.otherwise, [...at, 'otherwise']);
        return;
      }
      for (const field of blockTextFields[type as BlockType] ?? []) {
        const value = block[field.key];
        if (field.rows) {
          if (!Array.isArray(value)) continue;
          value.forEach((row, r) => {
            if (isObject(row)) for (const key of field.rows!) checkText(row[key], [...at, field.key, r, key]);
          });
        } else if (field.list) {
          if (Array.isArray(value)) value.forEach((entry, e) => checkText(entry, [...at, field.key, e]));
        } else {
          checkText(value, [...at, field.key]);
        }
      }
    });
  };

  checkText(data.header, ['header'], true);
  checkText(data.footer, ['footer'], true);
  if (Array.isArray(data.sections)) {
    data.sections.forEach((section, index) => {
      if (isObject(section)) checkBlocks(section.blocks, ['sections', index, 'blocks']);
    });
    const ids = data.sections.map((section) => (isObject(section) && typeof section.id === 'string' ? section.id : undefined));
    const sectionIds = new Set<string>();
    ids.forEach((sectionId, index) => {
      if (sectionId === undefined) return;
      if (sectionIds.has(sectionId)) report(['sections', index, 'id'], `duplicate section id "${sectionId}"`);
      sectionIds.add(sectionId);
    });
  }
  return problems;
}

export function parseReportTemplate(text: string, source: string): TemplateParseResult {
  const refuse = (message: string): TemplateParseResult => ({ ok: false, problems: [{ source, path: '', message }] });
  const read = readJsonObject(text, 'a report template', maxTemplateBytes);
  if (!read.ok) return refuse(read.message);
  const data = read.data;
  // jitless: a template is checked once per use; building zod's compiled fast path costs more than it saves.
  const parsed = templateShape.safeParse(data, { error: describeGuideIssue, jitless: true });
  const shapeProblems = parsed.success ? [] : guideProblemsFromIssues(parsed.error.issues, source);
  const shapePaths = new Set(shapeProblems.map((problem) => problem.path));
  const crossProblems = crossCheck(data)
    .map(({ path, message }) => ({ source, path: formatPath(path), message }))
    .filter((problem) => !shapePaths.has(problem.path));
  const problems = [...shapeProblems, ...crossProblems];
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, template: parsed.data };
}
