// A consultant's finding with "ff" and a combining dot below ("ĽAVff" + U+0323, on which fontkit
// could throw) is issued and exported through the API as PDF and DOCX, its text in both files; when
// fontkit throws on it, the PDF is still exported with the text; when no layout of it succeeds, the
// export is refused with an error naming the text, and nothing is written or recorded.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import type { IssuedReport } from '../../src-main/core/issued-reports';
import { simulateFontkitFault, type SimulatedFault } from '../fixtures/fontkit-fault';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';
import { appRoot, fails as failingCall, ok as okCall } from './fixtures/transfer-data';

const culprit = 'ĽAVff\u0323';
const title = `Støy ved ${culprit}-linjen`;

let dataDir: string;
let runtime: ApiRuntime;
let assessmentId: string;
let fault: SimulatedFault | null = null;

const ok = <T>(method: MethodName, input: unknown) => okCall<T>(runtime, method, input);
const fails = (method: MethodName, input: unknown) => failingCall(runtime, method, input);

beforeAll(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  const guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning', version: '1.0.0' });
  const client = await ok<{ id: string }>('clients.create', { name: 'Verkstedet Ålesund AS' });
  const assessment = await ok<AssessmentDetails>('assessments.create', { clientId: client.id, title: 'Kartlegging 2027', method: 'group', guideId: guide.id, guideVersion: guide.version });
  assessmentId = assessment.id;
  // One group interview with every item answered, so the report has results to show.
  const interview = await ok<InterviewSummary>('interviews.create', { assessmentId, groupName: 'Verkstedet', kind: 'group', participants: { employee: 5 } });
  for (const item of guide.items) await ok('answers.save', { interviewId: interview.id, itemId: item.id, answer: { kind: 'consensus', value: 3, participants: 5 } });
  await ok('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
  await ok('findings.create', { assessmentId, title, hazard: `Merket ${culprit} på maskinen`, factorIds: ['workload'], likelihood: 3, consequence: 3 });
  await ok('revisions.issue', {
    assessmentId,
    revision: 1,
    acceptGaps: true,
    approvals: {
      employer: { name: 'Kari Nordmann', role: 'Daglig leder', date: '2027-03-20' },
      safetyRepresentative: { name: 'Ola Hansen', role: 'Verneombud', date: '2027-03-21' },
    },
  });
}, 120_000);

afterEach(() => {
  fault?.restore();
  fault = null;
});

afterAll(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

const reportsFolder = () => path.join(dataDir, 'reports', assessmentId);
const filesWritten = () => (existsSync(reportsFolder()) ? readdirSync(reportsFolder()) : []);

/** The file's text: pdftotext for the PDF, LibreOffice for the DOCX. poppler puts a space before a
 * combining mark drawn back over a bold glyph; such spaces are taken out. */
function textOf(file: string): string {
  if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/ (?=\p{M})/gu, '');
  const outDir = path.dirname(file);
  execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', outDir, file], { stdio: 'ignore' });
  return readFileSync(file.replace(/\.docx$/, '.txt'), 'utf8');
}

describe('a finding with "ff" and a combining dot below', () => {
  it('is exported as PDF and DOCX with its text', async () => {
    const report = await ok<IssuedReport>('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf', 'docx'] });
    expect(report.files.map((file) => file.format).sort()).toEqual(['docx', 'pdf']);
    for (const file of report.files) {
      const text = textOf(path.join(reportsFolder(), file.fileName)).normalize('NFC');
      expect(text, file.format).toContain(title);
      expect(text, file.format).toContain(`Merket ${culprit}`);
    }
  }, 300_000);

  it('is exported as PDF with its text when fontkit throws on it', async () => {
    fault = simulateFontkitFault('mark');
    const report = await ok<IssuedReport>('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf'] });
    expect(fault.count, 'fontkit threw on the text').toBeGreaterThan(0);
    const text = textOf(path.join(reportsFolder(), report.files[0].fileName));
    expect(text).toContain(title);
    expect(text).toContain(`Merket ${culprit}`);
  }, 300_000);

  it('is refused with an error naming the text when no layout of it succeeds, and nothing is written', async () => {
    const before = filesWritten();
    const reportsBefore = await ok<unknown[]>('reports.list', { assessmentId });
    fault = simulateFontkitFault('all');
    const error = await fails('reports.export', { assessmentId, templateId: 'risk-assessment-nb', formats: ['pdf'] });
    expect(fault.count).toBeGreaterThan(0);
    expect(error.code).toBe('report_not_typeset');
    expect(error.message).toContain(culprit);
    expect(error.message).toContain('NotoSans');
    expect(error.issues).toEqual([{ path: 'text', key: 'reportTextNotTypeset', message: expect.stringContaining(culprit) }]);
    expect(JSON.stringify(error)).not.toContain('simulated fault');
    expect(filesWritten()).toEqual(before);
    expect(await ok<unknown[]>('reports.list', { assessmentId })).toEqual(reportsBefore);
  }, 300_000);
});
