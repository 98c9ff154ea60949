// The templates on offer: the built-in folder, then the consultancy's own; a copy of a built-in id
// and a broken file are left out with their problems, and a missing own folder is no problem.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadAppTemplate, loadAppTemplates, ownTemplateDir } from '../../src-main/reports/template-library';
import { appRoot } from '../fixtures/report-fixture';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-templates-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('offers the built-in templates when the consultancy has none', async () => {
  const library = await loadAppTemplates(appRoot, dataDir);
  expect(library.problems).toEqual([]);
  expect(library.get('risk-assessment-nb')?.version).toBe('1.1');
});

it('adds the consultancy’s own templates, and leaves out a copy of a built-in id and a broken file', async () => {
  const own = ownTemplateDir(dataDir);
  mkdirSync(own, { recursive: true });
  const plan = JSON.parse(readFileSync(path.join(appRoot, 'templates', 'reports', 'action-plan.json'), 'utf8'));
  writeFileSync(path.join(own, 'copy.json'), JSON.stringify(plan));
  writeFileSync(path.join(own, 'own.json'), JSON.stringify({ ...plan, id: 'our-plan', version: '2.1' }));
  writeFileSync(path.join(own, 'broken.json'), '{ "format": ');
  const library = await loadAppTemplates(appRoot, dataDir);
  expect(library.get('our-plan')?.version).toBe('2.1');
  expect(library.list().filter((t) => t.id === 'action-plan')).toHaveLength(1);
  expect(library.problems.map((p) => `${path.basename(p.source)}: ${p.message}`)).toEqual([
    expect.stringMatching(/^broken\.json: invalid JSON at line 1/),
    expect.stringMatching(/^copy\.json: template "action-plan" is already loaded from .*action-plan\.json; this copy is left out$/),
  ]);
});

it('finds one template by id as the whole library does, checking only the files that name that id', async () => {
  const own = ownTemplateDir(dataDir);
  mkdirSync(own, { recursive: true });
  const plan = JSON.parse(readFileSync(path.join(appRoot, 'templates', 'reports', 'action-plan.json'), 'utf8'));
  writeFileSync(path.join(own, 'a-broken-copy.json'), JSON.stringify({ ...plan, id: 'our-plan', version: 'x', format: 'nonsense' }));
  writeFileSync(path.join(own, 'b-own.json'), JSON.stringify({ ...plan, id: 'our-plan', version: '2.1' }));
  writeFileSync(path.join(own, 'c-later-copy.json'), JSON.stringify({ ...plan, id: 'our-plan', version: '2.2' }));
  writeFileSync(path.join(own, 'copy.json'), JSON.stringify({ ...plan, version: '9.9' }));
  writeFileSync(path.join(own, 'broken.json'), '{ "format": ');
  const library = await loadAppTemplates(appRoot, dataDir);
  for (const id of ['risk-assessment-nb', 'action-plan', 'our-plan', 'employee-summary', 'no-such-template']) {
    expect(await loadAppTemplate(appRoot, dataDir, id), id).toEqual(library.get(id));
  }
  expect((await loadAppTemplate(appRoot, dataDir, 'our-plan'))?.version).toBe('2.1');
  expect((await loadAppTemplate(appRoot, dataDir, 'action-plan'))?.version).not.toBe('9.9');
});
