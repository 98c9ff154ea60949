// Drafts and issuing: a draft is marked UTKAST on every page and changes nothing; the checklist says
// what is missing; issuing records the approvals with the revision and prints them in the report.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import type { ReportDownload } from '../../src-main/api/methods/reports';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import type { IssuedReport } from '../../src-main/core/issued-reports';
import type { IssueCheck, RevisionApprovals } from '../../src-main/core/issuing';
import { makeTempDir, removeTempDir, snapshotDataFolder } from './fixtures/data-folder';
import { appRoot, fails as failingCall, ok as okCall } from './fixtures/transfer-data';

let dataDir: string;
let outDir: string;
let runtime: ApiRuntime;
let assessmentId: string;
let measureId: string;
let findingId: string;

const ok = <T>(method: MethodName, input: unknown) => okCall<T>(runtime, method, input);
const fails = (method: MethodName, input: unknown) => failingCall(runtime, method, input);

function saveDownload(download: ReportDownload): string {
  const file = path.join(outDir, download.fileName);
  writeFileSync(file, Buffer.from(download.contentBase64, 'base64'));
  return file;
}

/** The text of each page, as pdftotext separates them with form feeds. */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim().length > 0);
}

const approvals: RevisionApprovals = {
  employer: { name: 'Kari Nordmann', role: 'Daglig leder', date: '2027-03-20' },
  safetyRepresentative: { name: 'Ola Hansen', role: 'Hovedverneombud', date: '2027-03-21' },
};

beforeAll(async () => {
  dataDir = makeTempDir();
  outDir = makeTempDir();
  mkdirSync(outDir, { recursive: true });
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const client = await ok<{ id: string }>('clients.create', { name: 'Vaskeriet Ålesund AS' });
  const assessment = await ok<AssessmentDetails>('assessments.create', {
    clientId: client.id,
    title: 'Kartlegging 2027',
    method: 'group',
    guideId: guide.id,
    guideVersion: guide.version,
  });
  assessmentId = assessment.id;
  const interview = await ok<InterviewSummary>('interviews.create', {
    assessmentId,
    groupName: 'Dagskift',
    kind: 'group',
    respondentLanguage: 'nb',
    languages: ['nb'],
    interpreterUsed: false,
    participants: { employee: 6 },
  });
  for (const item of guide.items) {
    await ok('answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'tally', votes: { '2': 3, '3': 3 } } });
  }
  await ok('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
  findingId = (await ok<{ id: string }>('findings.create', { assessmentId, title: 'Tidspress på dagskiftet', factorIds: ['workload'], likelihood: 4, consequence: 4 })).id;
  const measure = await ok<{ id: string }>('measures.create', { assessmentId, findingId: null, title: 'Faste møter med kunden', responsibleRole: 'employer', deadline: '2027-06-01', priority: 'high' });
  measureId = measure.id;
}, 120_000);

afterAll(async () => {
  await runtime.close();
  removeTempDir(dataDir);
  removeTempDir(outDir);
});

describe('a draft', () => {
  it('is marked UTKAST on every page of the PDF and in the DOCX header, and changes nothing', async () => {
    const before = snapshotDataFolder(dataDir);
    const pdf = saveDownload(await ok<ReportDownload>('reports.draft', { assessmentId, templateId: 'risk-assessment-nb', format: 'pdf' }));
    const docx = saveDownload(await ok<ReportDownload>('reports.draft', { assessmentId, templateId: 'risk-assessment-nb', format: 'docx' }));
    expect(path.basename(pdf)).toMatch(/^Risikovurdering Vaskeriet Ålesund AS \d{4}-\d{2}-\d{2} rev 1 UTKAST\.pdf$/);

    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('UTKAST'));
    expect(pages.join('\n')).toContain('ingen har godkjent den');

    const zip = unzipSync(readFileSync(docx));
    const document = strFromU8(zip['word/document.xml']);
    // Every section of the document uses a header, and every header carries the mark.
    const sections = document.match(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) expect(section).toContain('w:headerReference');
    const headers = Object.keys(zip).filter((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(strFromU8(zip[header])).toContain('UTKAST');

    // Nothing issued, recorded or written in the data folder.
    expect(snapshotDataFolder(dataDir)).toEqual(before);
    expect(readdirSync(dataDir)).not.toContain('reports');
    const revisions = await ok<{ issued: boolean; revisions: unknown[]; currentRevision: number }>('revisions.list', { assessmentId });
    expect(revisions).toMatchObject({ issued: false, revisions: [], currentRevision: 1 });
  }, 120_000);

  it('refuses an unknown template or format with a clear error', async () => {
    expect((await fails('reports.draft', { assessmentId, templateId: 'nope', format: 'pdf' })).message).toContain('There is no report template "nope"');
    expect((await fails('reports.draft', { assessmentId, templateId: 'risk-assessment-nb', format: 'odt' })).code).toBe('invalid_input');
  });
});

describe('the issuing checklist', () => {
  it('names the measure not agreed and the missing approvals', async () => {
    const checks = await ok<IssueCheck[]>('revisions.checklist', { assessmentId });
    const byId = Object.fromEntries(checks.map((check) => [check.id, check]));
    expect(byId.factorResults.ok).toBe(true);
    expect(byId.findingsRated.ok).toBe(true);
    expect(byId.measuresComplete.ok).toBe(true);
    expect(byId.measuresAgreed.missing).toEqual(['Faste møter med kunden']);
    expect(byId.approvals.missing).toEqual(['employer', 'safetyRepresentative']);
    // A warning only: the accepted finding has no residual risk yet.
    expect(byId.residualRated.missing).toEqual(['Tidspress på dagskiftet']);

    await ok('findings.setResidual', { id: findingId, likelihood: 2, consequence: 3 });
    await ok('measures.update', {
      id: measureId,
      title: 'Faste møter med kunden',
      rationale: '',
      responsibleRole: 'employer',
      deadline: '2027-06-01',
      priority: 'high',
      status: 'agreed',
      dropReason: null,
      agreedBy: ['employer', 'safetyRepresentative'],
      findingId: null,
    });
    const after = await ok<IssueCheck[]>('revisions.checklist', { assessmentId, approvals });
    expect(after.every((check) => check.ok)).toBe(true);
  });

  it('refuses approvals without a name or with a date that is not real', async () => {
    const error = await fails('revisions.checklist', {
      assessmentId,
      approvals: { ...approvals, employer: { name: ' ', role: 'Daglig leder', date: '2027-02-30' } },
    });
    expect((error.issues ?? []).map((issue) => issue.path).sort()).toEqual(['approvals.employer.date', 'approvals.employer.name']);
  });
});

describe('issuing', () => {
  it('goes through the checklist: refuses gaps not accepted, another revision number, and exporting before issuing', async () => {
    const gaps = await fails('revisions.issue', { assessmentId, revision: 1 });
    expect(gaps.code).toBe('conflict');
    expect(gaps.message).toContain('issuing checklist has gaps (approvals)');
    expect(gaps.issues?.map((issue) => issue.path)).toEqual(['checklist.approvals']);
    const wrongNumber = await fails('revisions.issue', { assessmentId, revision: 2, approvals });
    expect(wrongNumber.message).toContain('Revision 1 is the one being edited, not revision 2');
    const bypass = await fails('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf'] });
    expect(bypass.code).toBe('conflict');
    expect(bypass.message).toContain('Revision 1 is not issued');
    expect(bypass.message).toContain('revisions.issue');
    const overview = await ok<{ issued: boolean; revisions: unknown[] }>('revisions.list', { assessmentId });
    expect(overview).toMatchObject({ issued: false, revisions: [] });
    expect(existsSync(path.join(dataDir, 'reports', assessmentId))).toBe(false);
  });

  it('records the approvals with the revision and prints them in the formal report', async () => {
    const issued = await ok<{ number: number }>('revisions.issue', { assessmentId, revision: 1, approvals });
    expect(issued.number).toBe(1);
    const snapshot = await ok<{ approvals: RevisionApprovals }>('revisions.get', { assessmentId, number: 1 });
    expect(snapshot.approvals).toEqual(approvals);

    const report = await ok<IssuedReport>('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf'] });
    expect(report.revision).toBe(1);
    const file = report.files[0].fileName;
    expect(file).toMatch(/^Risikovurdering Vaskeriet Ålesund AS \d{4}-\d{2}-\d{2} rev 1\.pdf$/);
    const text = pdfPages(path.join(dataDir, 'reports', assessmentId, file)).join('\n');
    expect(text).not.toContain('UTKAST');
    for (const value of ['Kari Nordmann', 'Daglig leder', '2027-03-20', 'Ola Hansen', 'Hovedverneombud', '2027-03-21', 'Verneombud']) {
      expect(text).toContain(value);
    }
  }, 120_000);
});
