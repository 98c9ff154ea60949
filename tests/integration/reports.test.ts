// Reports through the API on a real data folder: export issues the revision and writes DOCX and PDF
// that parse back (client, every factor, findings, measures, æøå, Arabic in order), LibreOffice
// opens the DOCX, the PDF embeds its fonts, and a broken template is refused with nothing written.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import type { DraftDownload, ReportDownload, ReportPreview, ReportTemplateList } from '../../src-main/api/methods/reports';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { ErrorData } from '../../src-main/core/errors';
import type { Guide } from '../../src-main/core/guide';
import type { IssuedReport } from '../../src-main/core/issued-reports';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir, snapshotDataFolder, withRawDb } from './fixtures/data-folder';

const appRoot = findAppRoot();
const clientName = 'Renhold Øst AS – Bjørnstad & Sønn';
const quote = 'Vi rekker aldri alle rommene på én vakt.';
const privateNote = 'Konsulentens egen merknad';
let dataDir: string;
let runtime: ApiRuntime;
let guide: Guide;
let assessmentId: string;
let libraryMeasure: { nb: string; ar: string };

async function ok<T>(method: MethodName, input: unknown): Promise<T> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function fails(method: MethodName, input: unknown): Promise<ErrorData> {
  const result = await runtime.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded, expected a failure`);
  return result.error;
}

const logo = (body: string) =>
  `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">${body}</svg>`).toString('base64')}`;

/** A group interview where every item gets votes spread around `centre` (1–5). */
async function interview(groupName: string, people: number, language: string, centre: number): Promise<InterviewSummary> {
  const created = await ok<InterviewSummary>('interviews.create', {
    assessmentId,
    groupName,
    kind: 'group',
    respondentLanguage: language,
    languages: [language, 'nb'],
    interpreterUsed: language === 'ar',
    participants: { employee: people },
  });
  for (const [i, item] of guide.items.entries()) {
    const low = Math.max(1, Math.min(4, centre - 1 + (i % 2)));
    const votes = { [String(low)]: Math.ceil(people / 2), [String(low + 1)]: Math.floor(people / 2) };
    await ok('answers.save', { interviewId: created.id, itemId: item.id, answer: { kind: 'tally', votes } });
  }
  await ok('interviews.setProgress', { id: created.id, currentItemId: null, status: 'completed' });
  return created;
}

/** Text of word/document.xml, read without the docx library: paragraphs on lines, entities decoded. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** pdftotext's text without the direction marks it puts around right-to-left runs: by default in
 * reading order (right-to-left lines read as they are written), or `raw`, in the order it was
 * drawn, which keeps a table cell's lines together. */
function pdfText(file: string, order: 'reading' | 'raw' = 'reading'): string {
  const args = [...(order === 'raw' ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).replace(/[\u200E\u200F\u202A-\u202E]/g, '');
}

/** Lines and whitespace as one space, so a title broken over two lines still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function exportedFile(report: IssuedReport, format: 'docx' | 'pdf'): string {
  const file = report.files.find((entry) => entry.format === format)!;
  return path.join(dataDir, 'reports', report.assessmentId, file.fileName);
}

beforeAll(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  await ok('settings.update', { consultancyName: 'Trygg BHT AS', brandColour: '#2b5d34', logo: logo('<rect width="120" height="40" fill="#2b5d34"/>') });
  const client = await ok<{ id: string }>('clients.create', { name: clientName, orgNumber: '923609016', city: 'Tromsø' });
  const assessment = await ok<AssessmentDetails>('assessments.create', {
    clientId: client.id,
    title: 'Kartlegging av arbeidsmiljøet 2027',
    mandate: 'Kartlegge det psykososiale arbeidsmiljøet for renholderne på oppdrag fra daglig leder.',
    consultant: 'Åse Løvås',
    method: 'group',
    guideId: guide.id,
    guideVersion: guide.version,
    plannedStart: '2027-03-01',
    plannedEnd: '2027-03-15',
  });
  assessmentId = assessment.id;
  const day = await interview('Dagskift', 7, 'pl', 4);
  await interview('Kveldsskift', 6, 'ar', 3);
  await interview('Helg', 2, 'ti', 2);
  await ok('notes.add', { interviewId: day.id, factorId: 'workload', kind: 'quote', text: quote });
  await ok('notes.add', { interviewId: day.id, factorId: 'workload', kind: 'note', text: privateNote });
  const finding = await ok<{ id: string }>('findings.create', {
    assessmentId,
    title: 'Tidspress på dagskiftet',
    factorIds: ['workload'],
    hazard: 'For mange kvadratmeter på for kort tid',
    exposed: 'Renholdere på dagskift',
    likelihood: 4,
    consequence: 4,
  });
  await ok('findings.create', { assessmentId, title: 'Trakassering fra kunder', factorIds: ['harassment'], likelihood: 2, consequence: 3 });
  const suggestion = guide.factors.find((f) => f.id === 'workload')!.measures[0].text;
  libraryMeasure = { nb: suggestion.nb, ar: suggestion.ar };
  await ok('measures.create', { assessmentId, findingId: finding.id, title: suggestion.nb, responsibleRole: 'employer', deadline: '2027-05-01', priority: 'high', status: 'agreed', agreedBy: ['employer', 'safetyRepresentative'] });
  await ok('measures.create', { assessmentId, findingId: null, title: 'Faste møter om prioriteringer med kunden', responsibleRole: 'manager', deadline: '2027-06-01', priority: 'medium', status: 'agreed', agreedBy: ['employer', 'safetyRepresentative'] });
}, 120_000);

afterAll(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

describe('templates', () => {
  it('offers the built-in templates, all valid', async () => {
    const list = await ok<ReportTemplateList>('reports.templates', {});
    expect(list.problems).toEqual([]);
    expect(list.templates.map((t) => t.id).sort()).toEqual(['action-plan', 'employee-summary', 'risk-assessment-en', 'risk-assessment-nb']);
    const summary = list.templates.find((t) => t.id === 'employee-summary')!;
    expect(summary.languages.map((l) => l.code)).toEqual(['nb', 'en', 'pl', 'lt', 'ro', 'uk', 'ar', 'so', 'ti', 'es']);
    expect(summary.languages.filter((l) => l.status === 'draft').map((l) => l.code)).not.toContain('nb');
  });
});

describe('branding', () => {
  it('puts the logo and brand colour from the settings into the report, and refuses an unsafe logo', async () => {
    const preview = await ok<ReportPreview>('reports.preview', { assessmentId, templateId: 'risk-assessment-nb' });
    expect(preview.document.blocks[0]).toMatchObject({ kind: 'logo', format: 'svg', width: 144, height: 48, alt: 'Trygg BHT AS' });
    expect(preview.document.accentColour).toBe('#2b5d34');
    const error = await fails('settings.update', { logo: logo('<image href="https://example.org/track.png"/>') });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'logo', key: 'logoUnsafe' })]);
  });
});

describe('preview', () => {
  it('shows the current state as a draft, and never a number for a withheld group', async () => {
    const preview = await ok<ReportPreview>('reports.preview', { assessmentId, templateId: 'risk-assessment-nb' });
    expect(preview.draft).toBe(true);
    expect(preview.document.draftMark).toBe('UTKAST');
    const groupTable = preview.document.blocks.find((b) => b.kind === 'table' && b.columns.some((c) => c.header[0]?.text === 'Helg'));
    expect(groupTable?.kind).toBe('table');
    if (groupTable?.kind !== 'table') return;
    const helg = groupTable.columns.findIndex((c) => c.header[0]?.text === 'Helg');
    for (const row of groupTable.rows) expect(row[helg].runs.map((r) => r.text).join('')).toBe('Skjult');
  });

  it('refuses a language the template has no texts in', async () => {
    const error = await fails('reports.preview', { assessmentId, templateId: 'risk-assessment-nb', language: 'ar' });
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('no texts in "ar"');
  });
});

describe('a broken template', () => {
  it('is listed with every problem and refused before anything is issued or written', async () => {
    const own = path.join(dataDir, 'templates', 'reports');
    mkdirSync(own, { recursive: true });
    const broken = JSON.parse(readFileSync(path.join(appRoot, 'templates', 'reports', 'action-plan.json'), 'utf8'));
    broken.id = 'broken';
    broken.page.size = 'A5';
    broken.sections[0].blocks.push({ type: 'paragraph', text: 'Hei {{clientNmae}}' }, { type: 'barChart' });
    writeFileSync(path.join(own, 'broken.json'), JSON.stringify(broken));

    const list = await ok<ReportTemplateList>('reports.templates', {});
    expect(list.templates.map((t) => t.id)).not.toContain('broken');
    const problems = list.problems.map((p) => `${path.basename(p.source)} ${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\.json page\.size: expected one of "A4", "Letter"/),
        'broken.json sections[0].blocks[8].text: unknown placeholder "{{clientNmae}}"',
        expect.stringMatching(/^broken\.json sections\[0\]\.blocks\[9\]\.type: unknown block type "barChart"/),
      ]),
    );

    // The refused export must not issue the revision, render, or write anything.
    const before = snapshotDataFolder(dataDir);
    const error = await fails('reports.export', { assessmentId, templateId: 'broken', formats: ['docx', 'pdf'] });
    expect(error.code).toBe('invalid_file');
    expect(error.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['page.size', 'sections[0].blocks[8].text', 'sections[0].blocks[9].type']));
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    expect(existsSync(path.join(dataDir, 'reports'))).toBe(false);
    withRawDb(dataDir, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM issued_reports').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM revisions').get()).toEqual({ n: 0 });
    });
  });
});

describe('export', () => {
  let formal: IssuedReport;
  let summary: IssuedReport;

  beforeAll(async () => {
    // Issuing is its own step (the checklist); this assessment has no approvals, issued with that gap on purpose.
    await ok('revisions.issue', { assessmentId, revision: 1, acceptGaps: true });
    formal = await ok<IssuedReport>('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['docx', 'pdf'] });
    summary = await ok<IssuedReport>('reports.export', { assessmentId, templateId: 'employee-summary', formats: ['docx', 'pdf'], language: 'ar' });
  }, 120_000);

  it('writes the files of the issued revision and records them with their SHA-256', async () => {
    expect(formal).toMatchObject({ assessmentId, revision: 1, templateId: 'risk-assessment-nb', templateVersion: '1.1', language: 'nb' });
    expect(summary.revision).toBe(1);
    for (const file of formal.files) {
      const bytes = readFileSync(path.join(dataDir, 'reports', assessmentId, file.fileName));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
    }
    expect(formal.files.map((f) => f.format)).toEqual(['docx', 'pdf']);
    const revisions = await ok<{ issued: boolean; revisions: { number: number }[] }>('revisions.list', { assessmentId });
    expect(revisions).toMatchObject({ issued: true, revisions: [{ number: 1 }] });
    const listed = await ok<IssuedReport[]>('reports.list', { assessmentId });
    expect(listed.map((r) => r.id)).toEqual([summary.id, formal.id]);
    expect(readdirSync(path.join(dataDir, 'reports', assessmentId)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('puts the client, every factor, the findings and the measures into the DOCX, æøå intact', () => {
    const text = docxText(exportedFile(formal, 'docx'));
    expect(text).toContain(clientName);
    expect(text).toContain('Åse Løvås');
    for (const factor of guide.factors) expect(text).toContain(factor.title.nb);
    expect(text).toContain('Tidspress på dagskiftet');
    expect(text).toContain('Trakassering fra kunder');
    expect(text).toContain(libraryMeasure.nb);
    expect(text).toContain('Faste møter om prioriteringer med kunden');
    expect(text).toContain(quote);
    expect(text).not.toContain(privateNote);
  });

  it('puts the same into the PDF, with every font embedded', () => {
    const file = exportedFile(formal, 'pdf');
    const text = flat(pdfText(file, 'raw'));
    expect(text).toContain(clientName);
    expect(text).toContain('Åse Løvås');
    for (const factor of guide.factors) expect(text).toContain(factor.title.nb);
    expect(text).toContain('Tidspress på dagskiftet');
    expect(text).toContain('Trakassering fra kunder');
    expect(text).toContain(flat(libraryMeasure.nb));
    expect(text).toContain(quote);
    expect(text).not.toContain(privateNote);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name, type, encoding, then emb sub uni: every font embedded as a subset.
      expect(line).toMatch(/\+Noto\S+\s.*\syes\s+yes\s+yes\s/);
    }
  });

  it('writes the employee summary in Arabic, words in order with their spaces', () => {
    const text = flat(pdfText(exportedFile(summary, 'pdf')));
    expect(text).toContain('تحدثنا مع');
    expect(text).toContain('بيئة العمل');
    expect(text).toContain('ماذا وجدنا');
    expect(text).toContain(flat(libraryMeasure.ar).split(' ').slice(0, 3).join(' '));
    const docx = docxText(exportedFile(summary, 'docx'));
    expect(docx).toContain('ماذا وجدنا');
    expect(docx).toContain(libraryMeasure.ar);
    expect(strFromU8(unzipSync(readFileSync(exportedFile(summary, 'docx')))['word/document.xml'])).toContain('<w:bidi/>');
  });

  it('gives the same text again for the same revision and template', async () => {
    const again = await ok<IssuedReport>('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf'], revision: 1 });
    expect(again.files[0].fileName).not.toBe(formal.files[1].fileName);
    expect(pdfText(exportedFile(again, 'pdf'))).toBe(pdfText(exportedFile(formal, 'pdf')));
  });

  it('downloads a file as base64, and refuses one changed since it was issued', async () => {
    const download = await ok<ReportDownload>('reports.download', { reportId: summary.id, format: 'pdf' });
    expect(download.mimeType).toBe('application/pdf');
    expect(Buffer.from(download.contentBase64, 'base64').equals(readFileSync(exportedFile(summary, 'pdf')))).toBe(true);
    writeFileSync(exportedFile(summary, 'docx'), 'changed');
    expect((await fails('reports.download', { reportId: summary.id, format: 'docx' })).code).toBe('conflict');
  });

  it('converts in LibreOffice without errors', () => {
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (soffice.error) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) is missing; CI must install libreoffice-writer-nogui');
      console.warn('Skipped: LibreOffice (soffice) is not installed here. apt-get install -y --no-install-recommends libreoffice-writer-nogui');
      return;
    }
    const out = path.join(dataDir, 'libreoffice');
    mkdirSync(out, { recursive: true });
    const run = spawnSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(dataDir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, exportedFile(formal, 'docx')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/error/i);
    const converted = path.join(out, path.basename(exportedFile(formal, 'docx')).replace(/\.docx$/, '.pdf'));
    expect(existsSync(converted)).toBe(true);
    expect(flat(pdfText(converted))).toContain(clientName);
  }, 150_000);
});

describe('characters no report font has', () => {
  it('are replaced in the draft, and the call names them; emoji are drawn', async () => {
    await ok('findings.create', { assessmentId, title: 'Ryddig 🧹 men 𓀀 glemt', factorIds: ['workload'], likelihood: 2, consequence: 2 });
    const draft = await ok<DraftDownload>('reports.draft', { assessmentId, templateId: 'risk-assessment-nb', format: 'pdf' });
    expect(draft.replacedCharacters).toEqual([{ character: '𓀀', codePoint: 'U+13000', replacement: '[U+13000]', count: expect.any(Number) }]);
    const file = path.join(dataDir, 'glyph-draft.pdf');
    writeFileSync(file, Buffer.from(draft.contentBase64, 'base64'));
    const text = pdfText(file);
    expect(text).toContain('🧹');
    expect(text).toContain('[U+13000]');
    expect(text).not.toMatch(/[\u25A1\uFFFD]/u);
  }, 120_000);
});
