// The survey template through the API, for the built-in guide and an imported one: the CSV and the XLSX are filled
// in as a person would and imported with every column mapped by itself, and a Google Forms export of a form built
// from the question list imports the same way.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile, SurveyImportResult, SurveyPreview } from '../../src-main/api/methods/transfer';
import type { Guide } from '../../src-main/core/guide';
import { fixtureBase64, ok } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime();

let clientId: string;

beforeEach(async () => {
  clientId = (await ok<{ id: string }>(app.runtime, 'clients.create', { name: 'Glans Renhold AS' })).id;
  await ok(app.runtime, 'guides.import', { fileName: 'valid-minimal.json', content: Buffer.from(fixtureBase64('guides', 'valid-minimal.json'), 'base64').toString('utf8') });
});

const guides = [
  { guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' },
  { guideId: 'example-workload', guideVersion: '1.0' },
];

/** Respondent r's answer to item i: the scale's values in turn, every seventh "Vet ikke", sometimes as the label. */
function answer(guide: Guide, r: number, i: number): { cell: string | number; value: number | null } {
  if ((r + i) % 7 === 0) return { cell: 'Vet ikke', value: null };
  const scale = guide.scales.find((s) => s.id === guide.items[i].scale)!;
  const point = scale.points[(r + i) % scale.points.length];
  return { cell: (r + i) % 2 ? point.value : (point.label.nb ?? Object.values(point.label)[0]), value: point.value };
}

const respondents = 6;

async function importFile(fileName: string, bytes: Uint8Array, ref: { guideId: string; guideVersion: string }): Promise<{ preview: SurveyPreview; result: SurveyImportResult }> {
  const upload = { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
  const preview = await ok<SurveyPreview>(app.runtime, 'surveys.preview', { ...upload, guide: ref });
  const result = await ok<SurveyImportResult>(app.runtime, 'surveys.import', {
    ...upload,
    targets: preview.columns.map((c) => c.target),
    destination: { kind: 'new', clientId, title: fileName, ...ref },
    defaultGroup: 'Alle',
  });
  return { preview, result };
}

describe.each(guides)('the template for $guideId', (ref) => {
  let guide: Guide;
  beforeEach(async () => {
    guide = await ok<Guide>(app.runtime, 'guides.get', { id: ref.guideId, version: ref.guideVersion });
  });

  const expectClean = (preview: SurveyPreview) => {
    expect(preview).toMatchObject({ validRows: respondents, rejectedTotal: 0, notedTotal: 0, mappingProblems: [] });
    expect(preview.columns.slice(0, 3).map((c) => c.target).sort()).toEqual(['date', 'group', 'language']);
    expect(preview.columns.slice(3).map((c) => [c.target, c.source === 'itemId' || c.source === 'itemText'])).toEqual(guide.items.map((item) => [`item:${item.id}`, true]));
    expect([preview.firstDate, preview.lastDate]).toEqual(['2025-05-01', `2025-05-0${respondents}`]);
  };

  it('CSV: filled in and imported with every column mapped by itself', async () => {
    const template = await ok<ExportedFile>(app.runtime, 'surveys.template', { guide: ref, format: 'csv' });
    expect(template.fileName).toMatch(/\.csv$/);
    const text = Buffer.from(template.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFGruppe;Språk;Dato;')).toBe(true);
    const header = text.replace(/^\uFEFF/, '').trim();
    expect(header.split(';').length).toBe(3 + guide.items.length);
    const rows = [...Array(respondents).keys()].map((r) => [r % 2 ? 'Natt' : 'Dag', r % 2 ? 'Polski' : 'Norsk', `0${r + 1}.05.2025`, ...guide.items.map((_item, i) => answer(guide, r, i).cell)].join(';'));
    const { preview, result } = await importFile('utfylt.csv', Buffer.from(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`, 'utf8'), ref);
    expectClean(preview);
    expect(preview.languages).toEqual(['nb', 'pl']);
    expect(result).toMatchObject({ respondents, interviews: 2 });
  });

  it('XLSX: the answer sheet filled in (the scale and question sheets left as they are) imports cleanly', async () => {
    const template = await ok<ExportedFile>(app.runtime, 'surveys.template', { guide: ref, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Svar', 'Skalaer', 'Spørsmål']);
    const scales = workbook.getWorksheet('Skalaer')!;
    const scaleRows = scales.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1, 4));
    for (const scale of guide.scales) {
      for (const point of scale.points) expect(scaleRows).toContainEqual([scale.id, point.value, point.label.nb ?? Object.values(point.label)[0]]);
      expect(scaleRows).toContainEqual([scale.id, '', 'Vet ikke']);
    }
    const sheet = workbook.getWorksheet('Svar')!;
    for (let r = 0; r < respondents; r++) {
      sheet.addRow([r % 2 ? 'Natt' : 'Dag', 'nb', new Date(Date.UTC(2025, 4, r + 1)), ...guide.items.map((_item, i) => answer(guide, r, i).cell)]);
    }
    const { preview, result } = await importFile('utfylt.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()), ref);
    expect(preview.sheetName).toBe('Svar');
    expectClean(preview);
    expect(result).toMatchObject({ respondents, interviews: 2 });
  });

  it('question list: a Google Forms export of the form built from it imports cleanly', async () => {
    const list = await ok<ExportedFile>(app.runtime, 'surveys.template', { guide: ref, format: 'forms' });
    const text = Buffer.from(list.contentBase64, 'base64').toString('utf8');
    // Build the form as the list says: one grid per block, its questions as rows, its options as columns.
    const blocks: { title: string; options: string[]; questions: string[] }[] = [];
    for (const line of text.split('\r\n')) {
      if (line.startsWith('Blokk: ')) blocks.push({ title: line.slice(7), options: [], questions: [] });
      else if (line.startsWith('Svaralternativer: ')) blocks[blocks.length - 1].options = line.slice(18).split(' | ');
      else if (line.startsWith('- ')) blocks[blocks.length - 1].questions.push(line.slice(2));
    }
    expect(blocks.flatMap((block) => block.questions).length).toBe(guide.items.length);
    const languages = /Spørsmål: Språk \(valg: (.+)\)/.exec(text)![1].split(', ');
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const header = ['Tidsmerke', 'Gruppe', 'Språk', ...blocks.flatMap((block) => block.questions.map((question) => `${block.title} [${question}]`))];
    const rows = [...Array(respondents).keys()].map((r) => [
      `0${r + 1}.05.2025 10:0${r}:00`,
      r % 2 ? 'Natt' : 'Dag',
      languages[r % languages.length],
      ...blocks.flatMap((block, b) => block.questions.map((_q, q) => block.options[(r + b + q) % block.options.length])),
    ]);
    const csv = [header, ...rows].map((row) => row.map(quote).join(',')).join('\n');
    const { preview, result } = await importFile('google-forms.csv', Buffer.from(csv, 'utf8'), ref);
    expectClean(preview);
    expect(preview.columns.slice(3).every((c) => c.source === 'itemText')).toBe(true);
    expect(result).toMatchObject({ respondents, interviews: 2, languageUnknown: 0 });
  });
});
