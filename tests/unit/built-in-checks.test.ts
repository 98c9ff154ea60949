// The built-in guides and templates are checked by the build, and a file whose bytes the build
// checked is given the build's result instead of being checked again (built-in-checks.ts): the
// record holds exactly what the checks return, is used only for the app's own folders, and any
// other file, or a changed one, is checked in full.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkedAtBuild, useBuiltInChecks } from '../../src-main/guides/built-in-checks';
import { recordBuiltInChecks, type BuiltInChecksRecord } from '../../src-main/reports/built-in-checks-record';
import { builtInGuideDir, loadGuideLibrary } from '../../src-main/guides/guide-library';
import { parseGuide } from '../../src-main/guides/parse-guide';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { builtInTemplateDir, loadTemplateById, loadTemplateLibrary } from '../../src-main/reports/template-library';
import { appRoot } from '../fixtures/report-fixture';

const guideFile = path.join(builtInGuideDir(appRoot), 'psychosocial-cleaning-2.0.0.json');
const templateFile = path.join(builtInTemplateDir(appRoot), 'risk-assessment-nb.json');
const parsedGuide = () => {
  const result = parseGuide(readFileSync(guideFile, 'utf8'), guideFile);
  if (!result.ok) throw new Error('the built-in guide is not valid');
  return result.guide;
};
const parsedTemplate = () => {
  const result = parseReportTemplate(readFileSync(templateFile, 'utf8'), templateFile);
  if (!result.ok) throw new Error('the built-in template is not valid');
  return result.template;
};

let temp: string;
let record: BuiltInChecksRecord;
beforeAll(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-built-in-checks-'));
  record = recordBuiltInChecks(appRoot);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => useBuiltInChecks(null));

/** Writes the record as the build does, with each value passed through `edit` (to see which is used). */
function writeRecord(edit: (value: Record<string, unknown>) => void = () => {}): string {
  const folder = mkdtempSync(path.join(temp, 'record-'));
  writeFileSync(path.join(folder, 'index.json'), JSON.stringify(record.index));
  for (const [file, json] of record.files) {
    const value = JSON.parse(json) as Record<string, unknown>;
    edit(value);
    writeFileSync(path.join(folder, file), JSON.stringify(value));
  }
  useBuiltInChecks(folder);
  return folder;
}
const marked = (value: Record<string, unknown>) => {
  value.marked = 'from the record';
};

it('records every built-in guide and template, each as its check returns it, keys in the same order', () => {
  const entries = Object.entries(record.index);
  expect(entries.filter(([key]) => key.startsWith('guide:')).map(([, entry]) => `${entry.id} ${entry.version}`).sort()).toEqual([
    'psychosocial-cleaning 1.0.0',
    'psychosocial-cleaning 2.0.0',
  ]);
  expect(entries.filter(([key]) => key.startsWith('template:')).map(([, entry]) => entry.id).sort()).toEqual(['action-plan', 'employee-summary', 'risk-assessment-en', 'risk-assessment-nb']);
  writeRecord();
  expect(JSON.stringify(checkedAtBuild('guide', readFileSync(guideFile))!.value())).toBe(JSON.stringify(parsedGuide()));
  expect(checkedAtBuild('guide', readFileSync(guideFile))!.value()).toEqual(parsedGuide());
  expect(JSON.stringify(checkedAtBuild('template', readFileSync(templateFile, 'utf8'))!.value())).toBe(JSON.stringify(parsedTemplate()));
});

it('without a record (the app run from its sources) every file is checked', () => {
  expect(checkedAtBuild('guide', readFileSync(guideFile))).toBeUndefined();
  expect(loadGuideLibrary(builtInGuideDir(appRoot), [], { builtIn: true }).get('psychosocial-cleaning', '2.0.0')).toEqual(parsedGuide());
});

describe('guides', () => {
  it('takes a built-in file the build checked from the record', () => {
    writeRecord(marked);
    const library = loadGuideLibrary(builtInGuideDir(appRoot), [], { builtIn: true });
    expect(library.get('psychosocial-cleaning', '2.0.0')).toMatchObject({ marked: 'from the record', id: 'psychosocial-cleaning' });
    expect(library.get('psychosocial-cleaning')).toMatchObject({ marked: 'from the record', version: '2.0.0' });
    expect(library.list().map((guide) => guide.version)).toEqual(['2.0.0', '1.0.0']);
    expect(library.problems).toEqual([]);
  });

  it('checks an imported guide with the same bytes, a folder not marked built-in, and a changed file in full', () => {
    writeRecord(marked);
    const text = readFileSync(guideFile, 'utf8');
    const imported = loadGuideLibrary(path.join(temp, 'none'), [{ source: 'database: psychosocial-cleaning 2.0.0', text }]);
    expect(imported.get('psychosocial-cleaning', '2.0.0')).toEqual(parsedGuide());
    expect(loadGuideLibrary(builtInGuideDir(appRoot)).get('psychosocial-cleaning', '2.0.0')).toEqual(parsedGuide());
    const changed = mkdtempSync(path.join(temp, 'guides-'));
    writeFileSync(path.join(changed, 'psychosocial-cleaning-2.0.0.json'), `${text}\n`);
    expect(loadGuideLibrary(changed, [], { builtIn: true }).get('psychosocial-cleaning', '2.0.0')).toEqual(parsedGuide());
  });

  it('still refuses a broken file in the built-in folder', () => {
    writeRecord(marked);
    const folder = mkdtempSync(path.join(temp, 'guides-'));
    cpSync(guideFile, path.join(folder, 'a.json'));
    writeFileSync(path.join(folder, 'b.json'), '{"id": "broken"}');
    const library = loadGuideLibrary(folder, [], { builtIn: true });
    expect(library.list()).toHaveLength(1);
    expect([...new Set(library.problems.map((problem) => problem.source))]).toEqual([path.join(folder, 'b.json')]);
  });
});

describe('templates', () => {
  it('takes a template of the built-in folder from the record, and checks the own folder in full', async () => {
    writeRecord(marked);
    expect(await loadTemplateById([{ dir: builtInTemplateDir(appRoot), builtIn: true }], 'risk-assessment-nb')).toMatchObject({ marked: 'from the record', id: 'risk-assessment-nb' });
    const library = await loadTemplateLibrary([{ dir: builtInTemplateDir(appRoot), builtIn: true }]);
    expect(library.get('action-plan')).toMatchObject({ marked: 'from the record' });
    const own = mkdtempSync(path.join(temp, 'templates-'));
    cpSync(templateFile, path.join(own, 'risk-assessment-nb.json'));
    expect(await loadTemplateById([{ dir: own, optional: true }], 'risk-assessment-nb')).toEqual(parsedTemplate());
    expect((await loadTemplateLibrary([{ dir: own }])).get('risk-assessment-nb')).toEqual(parsedTemplate());
  });
});

it('checks in full when a file of the record is missing or cut short, instead of failing', async () => {
  const folder = writeRecord(marked);
  const files = [...record.files.keys()];
  for (const [i, file] of files.entries()) {
    if (i % 2 === 0) rmSync(path.join(folder, file));
    else writeFileSync(path.join(folder, file), readFileSync(path.join(folder, file), 'utf8').slice(0, 100));
  }
  const library = loadGuideLibrary(builtInGuideDir(appRoot), [], { builtIn: true });
  expect(library.get('psychosocial-cleaning', '2.0.0')).toEqual(parsedGuide());
  expect(library.problems).toEqual([]);
  expect(await loadTemplateById([{ dir: builtInTemplateDir(appRoot), builtIn: true }], 'risk-assessment-nb')).toEqual(parsedTemplate());
  expect((await loadTemplateLibrary([{ dir: builtInTemplateDir(appRoot), builtIn: true }])).get('risk-assessment-nb')).toEqual(parsedTemplate());
});

it("gives a result recorded under other ICU data to no file (a template's plural forms come from it)", () => {
  writeRecord(marked);
  const text = readFileSync(templateFile, 'utf8');
  expect(checkedAtBuild('template', text)).toBeDefined();
  const cldr = Object.getOwnPropertyDescriptor(process.versions, 'cldr')!;
  Object.defineProperty(process.versions, 'cldr', { ...cldr, value: '1.0' });
  try {
    expect(checkedAtBuild('template', text)).toBeUndefined();
  } finally {
    Object.defineProperty(process.versions, 'cldr', cldr);
  }
});
