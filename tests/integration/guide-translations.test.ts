// Translations a professional reviews, through the API on a real data folder: XLIFF and CSV round
// trips, refusal of broken files with every problem listed and nothing written, the term list, and
// assessments that keep the guide version (and texts) they were planned with.
import { DOMParser, XMLSerializer, type Element as XmlElement } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImportedTranslation } from '../../src-main/api/methods/guide-translations';
import type { GuideSummary } from '../../src-main/api/methods/guides';
import type { AssessmentDetails } from '../../src-main/core/assessments';
import type { ClientDetails } from '../../src-main/core/clients';
import type { Guide } from '../../src-main/core/guide';
import { textStatusOf } from '../../src-main/core/guide-texts';
import { findAppRoot } from '../../src-main/paths';
import { apiCalls } from './fixtures/api-calls';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

const appRoot = findAppRoot();
const xliffNs = 'urn:oasis:names:tc:xliff:document:2.0';

const { ok, refusedWithoutWriting } = apiCalls(() => app);

async function exportFile(id: string, language: string, format: 'xliff' | 'csv', version?: string) {
  const file = await ok<{ fileName: string; contentBase64: string }>('guides.exportTranslation', { id, language, format, ...(version ? { version } : {}) });
  return { fileName: file.fileName, content: Buffer.from(file.contentBase64, 'base64').toString('utf8') };
}

async function importModularGuide(): Promise<GuideSummary> {
  const content = readFileSync(path.join(appRoot, 'tests/fixtures/modular-guide/with-modules.json'), 'utf8');
  return ok<GuideSummary>('guides.import', { fileName: 'with-modules.json', content });
}

/** What a translation tool does: change the targets of some units, keep the rest of the file. */
function editXliff(xliff: string, targets: Record<string, string | null>): string {
  const document = new DOMParser().parseFromString(xliff, 'text/xml');
  const units = Array.from(document.getElementsByTagNameNS(xliffNs, 'unit'));
  for (const [id, target] of Object.entries(targets)) {
    const unit = units.find((u) => u.getAttribute('id') === id);
    if (!unit) throw new Error(`no unit ${id}`);
    if (target === null) unit.parentNode!.removeChild(unit);
    else (unit.getElementsByTagNameNS(xliffNs, 'target')[0] as XmlElement).textContent = target;
  }
  return new XMLSerializer().serializeToString(document);
}

function addUnit(xliff: string, id: string): string {
  return xliff.replace('</file>', `<unit id="${id}"><segment><source>Hei</source><target>Hola</target></segment></unit></file>`);
}

describe('XLIFF 2.0', () => {
  it('exports one unit per text with the stable key, Norwegian source, the language as target and notes', async () => {
    const { fileName, content } = await exportFile('psychosocial-cleaning', 'es', 'xliff', '1.0.0');
    expect(fileName).toBe('psychosocial-cleaning-1.0.0-es.xlf');
    const document = new DOMParser().parseFromString(content, 'text/xml');
    const root = document.documentElement!;
    expect(root.namespaceURI).toBe(xliffNs);
    expect([root.getAttribute('version'), root.getAttribute('srcLang'), root.getAttribute('trgLang')]).toEqual(['2.0', 'nb', 'es']);
    const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
    const units = Array.from(document.getElementsByTagNameNS(xliffNs, 'unit'));
    const first = units.find((u) => u.getAttribute('id') === 'items.workload.1.text')!;
    expect(first.getElementsByTagNameNS(xliffNs, 'source')[0].textContent).toBe(guide.items[0].text.nb);
    expect(first.getElementsByTagNameNS(xliffNs, 'target')[0].textContent).toBe(guide.items[0].text.es);
    const notes = Array.from(first.getElementsByTagNameNS(xliffNs, 'note')).map((n) => `${n.getAttribute('category')}: ${n.textContent}`);
    expect(notes[0]).toMatch(/^context: A question read to and shown to respondents/);
    expect(notes).toContain('status: draft');
    // Every respondent text (questions and answer options) is there; consultant-only texts exist in nb and en only.
    const ids = units.map((u) => u.getAttribute('id'));
    expect(ids).toContain('scales.frequency.points.1.label');
    expect(ids.filter((id) => id?.startsWith('items.') && id.endsWith('.text'))).toHaveLength(guide.items.length);
    expect(new Set(ids).size).toBe(ids.length);
    // XLIFF ids are XML name tokens; the file's names the guide and version.
    expect(ids.every((id) => /^[\p{L}\p{N}._:-]+$/u.test(id ?? ''))).toBe(true);
    const file = document.getElementsByTagNameNS(xliffNs, 'file')[0];
    expect([file.getAttribute('id'), file.getAttribute('original')]).toEqual(['psychosocial-cleaning:1.0.0', 'psychosocial-cleaning@1.0.0']);
    // Module elements (the glossary) come before the notes in a unit, as the XLIFF 2.0 schema orders them.
    expect(content).not.toMatch(/<\/notes>\s*<gls:glossary>/);
  });

  it('round trip: a changed target becomes the text of a new guide version, reviewed; the old version keeps its texts', async () => {
    const client = await ok<ClientDetails>('clients.create', { name: 'Renhold Vest AS' });
    const planned = await ok<AssessmentDetails>('assessments.create', {
      clientId: client.id,
      title: 'Kartlegging 2026',
      method: 'group',
      guideId: 'psychosocial-cleaning',
      guideVersion: '1.0.0',
    });
    const before = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
    const { content } = await exportFile('psychosocial-cleaning', 'es', 'xliff', '1.0.0');
    const changed = editXliff(content, { 'items.workload.1.text': '¿Tienen ustedes demasiado trabajo para el tiempo disponible?' });

    const imported = await ok<ImportedTranslation>('guides.importTranslation', {
      fileName: 'reviewed-es.xlf',
      content: changed,
      reviewedBy: 'Ana García',
      reviewedOn: '2026-12-01',
    });
    expect(imported).toMatchObject({ language: 'es', changedTexts: 1, warnings: [] });
    expect(imported.reviewedTexts).toBe(imported.totalTexts);
    expect(imported.guide).toMatchObject({ id: 'psychosocial-cleaning', version: '1.0.0.1', builtIn: false });
    // The same file again changes nothing, and makes no second copy.
    const again1 = await refusedWithoutWriting('guides.importTranslation', { fileName: 'reviewed-es.xlf', content: changed, reviewedBy: 'Ana García', reviewedOn: '2026-12-01' });
    expect(again1).toMatchObject({ code: 'conflict', message: 'reviewed-es.xlf changes nothing: version 1.0.0.1 of the guide already has these texts and statuses.' });

    const reviewed = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0.1' });
    expect(reviewed.items[0].text.es).toBe('¿Tienen ustedes demasiado trabajo para el tiempo disponible?');
    expect(textStatusOf(reviewed, 'es', 'items.workload.1.text')).toEqual({ status: 'reviewed', reviewedBy: 'Ana García', reviewedOn: '2026-12-01' });
    expect(reviewed.languages.find((l) => l.code === 'es')).toEqual({ code: 'es', status: 'reviewed', reviewedBy: 'Ana García', reviewedOn: '2026-12-01' });
    // Nothing else moved: other languages and the Norwegian source are as they were.
    expect(reviewed.items[0].text.nb).toBe(before.items[0].text.nb);
    expect(reviewed.items[1].text).toEqual(before.items[1].text);

    // The built-in version and the assessment planned on it keep the exact texts they were run with.
    expect(await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' })).toEqual(before);
    expect((await ok<AssessmentDetails>('assessments.get', { id: planned.id })).guideVersion).toBe('1.0.0');
    // The reviewed copy is listed beside the built-in versions, as an imported guide.
    const listed = await ok<{ guides: GuideSummary[] }>('guides.list', {});
    expect(listed.guides.filter((g) => g.id === 'psychosocial-cleaning').map((g) => `${g.version} ${g.builtIn}`)).toContain('1.0.0.1 false');

    // A second review of the copy makes the next copy; the first stays.
    const again = await exportFile('psychosocial-cleaning', 'es', 'xliff', '1.0.0.1');
    const second = await ok<ImportedTranslation>('guides.importTranslation', {
      fileName: 'again.xlf',
      content: editXliff(again.content, { 'items.workload.2.text': 'Otra pregunta revisada' }),
    });
    expect(second.guide.version).toBe('1.0.0.2');
    const copy = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0.2' });
    // Imported without a reviewer: the changed text is a draft again, and so is the language.
    expect(textStatusOf(copy, 'es', 'items.workload.2.text')).toEqual({ status: 'draft' });
    expect(textStatusOf(copy, 'es', 'items.workload.1.text').status).toBe('reviewed');
    expect(copy.languages.find((l) => l.code === 'es')).toEqual({ code: 'es', status: 'draft' });
  });

  it('refuses a broken file with every problem listed, and changes nothing', async () => {
    await importModularGuide();
    const { content } = await exportFile('modular-example', 'pl', 'xliff');
    const broken = addUnit(
      editXliff(content, {
        'items.workload-rooms.text': 'Czy musisz sprzątać więcej niż pomieszczeń na godzinę?',
        'items.workload-time.text': '   ',
        'factors.lone.description': null,
      }),
      'items.no-such-item.text',
    );
    const error = await refusedWithoutWriting('guides.importTranslation', { fileName: 'broken.xlf', content: broken, reviewedBy: 'Jan Kowalski' });
    expect(error.code).toBe('invalid_file');
    expect(error.message).toBe('broken.xlf cannot be imported (4 problems); nothing was changed.');
    expect(error.issues).toEqual([
      { path: 'items.workload-time.text', message: 'the translation is empty', key: 'translation.emptyTarget' },
      {
        path: 'items.workload-rooms.text',
        message: 'the translation must keep the placeholders {n}; it has none',
        key: 'translation.placeholders',
      },
      { path: 'items.no-such-item.text', message: 'the guide has no text "items.no-such-item.text" in pl', key: 'translation.unknownId' },
      { path: 'factors.lone.description', message: 'this text of the guide is missing from the file', key: 'translation.missingId' },
    ]);
    const guides = await ok<{ guides: GuideSummary[] }>('guides.list', {});
    expect(guides.guides.filter((g) => g.id === 'modular-example').map((g) => g.version)).toEqual(['1.0.0']);
  });

  it('refuses what is not an XLIFF translation of an installed guide', async () => {
    await importModularGuide();
    const { content } = await exportFile('modular-example', 'pl', 'xliff');
    const cases: [string, string][] = [
      [content.replace('</xliff>', ''), 'the file is not well-formed XML'],
      [content.replace('urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:1.2'), 'the file is not XLIFF 2.0'],
      [content.replace('srcLang="nb"', 'srcLang="en"'), 'the source language is "en"; translations are made from Norwegian (nb)'],
      [content.replace('trgLang="pl"', 'trgLang="lt"'), '"lt" is not a translation in the guide modular-example 1.0.0'],
    ];
    for (const [file, message] of cases) {
      const error = await refusedWithoutWriting('guides.importTranslation', { fileName: 'x.xlf', content: file });
      expect(error.code).toBe('invalid_file');
      expect(error.issues?.[0]?.message).toContain(message);
    }
    const missing = await refusedWithoutWriting('guides.importTranslation', {
      fileName: 'x.xlf',
      content: content.replace('id="modular-example:1.0.0"', 'id="modular-example:9.0"'),
    });
    expect(missing.code).toBe('not_found');
  });

  it('carries the term list and warns where a reviewed target does not use the agreed term', async () => {
    await importModularGuide();
    const { content } = await exportFile('modular-example', 'pl', 'xliff');
    expect(content).toContain('<note category="term">verneombud = przedstawiciel ds. BHP</note>');
    expect(content).toContain('<gls:glossEntry><gls:term>verneombud</gls:term><gls:translation>przedstawiciel ds. BHP</gls:translation></gls:glossEntry>');
    const imported = await ok<ImportedTranslation>('guides.importTranslation', {
      fileName: 'terms.xlf',
      content: editXliff(content, { 'items.support-safety-rep.text': 'Czy możesz porozmawiać z opiekunem, gdy potrzebujesz?' }),
      reviewedBy: 'Jan Kowalski',
    });
    expect(imported.warnings).toEqual([
      {
        path: 'items.support-safety-rep.text',
        message: '"verneombud" is agreed as "przedstawiciel ds. BHP", which this translation does not use',
      },
    ]);
  });
});

describe('CSV', () => {
  it('round trip: a changed target is imported as a draft text of a new version', async () => {
    await importModularGuide();
    const { fileName, content } = await exportFile('modular-example', 'pl', 'csv');
    expect(fileName).toBe('modular-example-1.0.0-pl.csv');
    const rows = parseCsv(content.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['guide', 'key', 'context', 'terms', 'status', 'nb', 'pl']);
    const index = rows.findIndex((row) => row[1] === 'items.lone-night.text');
    expect(rows[index].slice(5)).toEqual(['Jobber du alene om natten?', 'Czy pracujesz sama lub sam w nocy?']);
    rows[index][6] = 'Czy pracujesz w nocy sam(a), bez nikogo w pobliżu?';
    const edited = rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n');

    const imported = await ok<ImportedTranslation>('guides.importTranslation', { fileName: 'pl.csv', content: edited });
    expect(imported).toMatchObject({ changedTexts: 1, language: 'pl', guide: { version: '1.0.0.1' } });
    const copy = await ok<Guide>('guides.get', { id: 'modular-example', version: '1.0.0.1' });
    expect(copy.items.find((i) => i.id === 'lone-night')!.text.pl).toBe('Czy pracujesz w nocy sam(a), bez nikogo w pobliżu?');
    expect(textStatusOf(copy, 'pl', 'items.lone-night.text')).toEqual({ status: 'draft' });
  });

  it('refuses a CSV with an empty target, a dropped placeholder and an unknown key, changing nothing', async () => {
    await importModularGuide();
    const { content } = await exportFile('modular-example', 'pl', 'csv');
    const rows = parseCsv(content.replace(/^\uFEFF/, '')) as string[][];
    const at = (key: string) => rows.find((row) => row[1] === key)!;
    at('items.workload-time.text')[6] = '';
    at('items.workload-rooms.text')[6] = 'Ile pomieszczeń?';
    at('items.lone-night.text')[1] = 'items.lone-day.text';
    const edited = rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    const error = await refusedWithoutWriting('guides.importTranslation', { fileName: 'pl.csv', content: edited, reviewedBy: 'Jan Kowalski' });
    expect(error.issues?.map((issue) => `${issue.path}: ${issue.key}`)).toEqual([
      'items.workload-time.text: translation.emptyTarget',
      'items.workload-rooms.text: translation.placeholders',
      'items.lone-day.text: translation.unknownId',
      'items.lone-night.text: translation.missingId',
    ]);
  });
});

describe('assessments with modules', () => {
  it('stores the chosen modules, refuses unknown ones, and scores only the items asked', async () => {
    await importModularGuide();
    const client = await ok<ClientDetails>('clients.create', { name: 'Renhold Øst AS' });
    const base = { clientId: client.id, title: 'Kartlegging 2026', method: 'group', guideId: 'modular-example', guideVersion: '1.0.0' };
    const error = await refusedWithoutWriting('assessments.create', { ...base, modules: ['customers', 'nope'] });
    expect(error.issues).toEqual([{ path: 'modules', message: 'unknown module nope', key: 'unknownModule' }]);

    const assessment = await ok<AssessmentDetails>('assessments.create', { ...base, modules: ['lone-work'] });
    expect(assessment.modules).toEqual(['lone-work']);
    const interview = await ok<{ id: string }>('interviews.create', {
      assessmentId: assessment.id,
      groupName: 'Natt',
      kind: 'group',
      participants: { employee: 6 },
    });
    // An item of a module not chosen is not asked, so it cannot be answered.
    const outside = await refusedWithoutWriting('answers.save', {
      interviewId: interview.id,
      itemId: 'support-customers',
      answer: { kind: 'consensus', value: 3, participants: 6 },
    });
    expect(outside.code).toBe('invalid_input');
    for (const itemId of ['workload-time', 'lone-night']) {
      await ok('answers.save', { interviewId: interview.id, itemId, answer: { kind: 'consensus', value: 5, participants: 6 } });
    }
    const results = await ok<{ result: { factors: { factorId: string; suppressed: boolean; score?: number | null }[] } }>('results.get', {
      assessmentId: assessment.id,
    });
    // workload: one of its two asked items answered is half, so it scores; lone: one of two.
    expect(results.result.factors.map((f) => [f.factorId, f.score])).toEqual([
      ['workload', 100],
      ['support', null],
      ['lone', 100],
    ]);

    // A module with answers cannot be dropped; one without can.
    const dropped = await refusedWithoutWriting('assessments.update', { ...base, id: assessment.id, modules: [] });
    expect(dropped.issues?.[0]?.key).toBe('moduleAnswered');
    const added = await ok<AssessmentDetails>('assessments.update', { ...base, id: assessment.id, modules: ['lone-work', 'customers'] });
    expect(added.modules).toEqual(['lone-work', 'customers']);
  });
});
