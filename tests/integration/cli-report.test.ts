// `kartlegg issue` and `kartlegg report` as a user types them: issuing goes through the checklist, and
// report copies an issued revision's files to --out.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import type { IssuedReport } from '../../src-main/core/issued-reports';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { runCli } from './fixtures/cli';

const appRoot = findAppRoot();
let dataDir: string;
let outDir: string;
let assessmentId: string;

const kartlegg = (...args: string[]) => runCli(dataDir, args);

beforeAll(async () => {
  dataDir = makeTempDir();
  outDir = makeTempDir();
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await runtime.call(method, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    const client = await call<{ id: string }>('clients.create', { name: 'Vaskeriet Ålesund AS' });
    const guide = await call<{ version: string }>('guides.get', { id: 'psychosocial-cleaning' });
    const assessment = await call<{ id: string }>('assessments.create', {
      clientId: client.id,
      title: 'Kartlegging 2027',
      method: 'group',
      guideId: 'psychosocial-cleaning',
      guideVersion: guide.version,
    });
    assessmentId = assessment.id;
    await call('measures.create', { assessmentId, findingId: null, title: 'Ukentlige møter med kunden', responsibleRole: 'employer', deadline: '2027-04-01', priority: 'high' });
  } finally {
    await runtime.close();
  }
}, 60_000);

afterAll(() => {
  removeTempDir(dataDir);
  removeTempDir(outDir);
});

describe('kartlegg report', () => {
  it('writes a draft with --draft, and issues nothing', () => {
    const draftDir = path.join(outDir, 'drafts');
    const run = kartlegg('report', assessmentId, '--template', 'action-plan', '--format', 'pdf', '--draft', '--out', draftDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(draftDir)).toEqual([expect.stringMatching(/^Handlingsplan Vaskeriet Ålesund AS \d{4}-\d{2}-\d{2} rev 1 UTKAST\.pdf$/)]);
    const counts = withRawDb(dataDir, (db) => db.prepare('SELECT (SELECT COUNT(*) FROM issued_reports) AS reports, (SELECT COUNT(*) FROM revisions) AS revisions').get(), { readonly: true });
    expect(counts).toEqual({ reports: 0, revisions: 0 });
    rmSync(draftDir, { recursive: true });
  }, 120_000);

  it('refuses to issue around the checklist: report without --draft and issue without --accept-gaps change nothing', () => {
    const report = kartlegg('report', assessmentId, '--template', 'action-plan', '--format', 'pdf', '--out', outDir);
    expect(report.status).toBe(1);
    expect(report.stderr).toContain('Revision 1 is not issued');
    expect(report.stderr).toContain('kartlegg issue');
    const issue = kartlegg('issue', assessmentId, '--revision', '1');
    expect(issue.status).toBe(1);
    expect(issue.stdout).toContain('[ ] approvals: missing employer, safetyRepresentative');
    expect(issue.stderr).toContain('issuing checklist has gaps');
    const halfApproved = kartlegg('issue', assessmentId, '--revision', '1', '--employer', 'Kari Nordmann;Daglig leder');
    expect(halfApproved.status).toBe(2);
    expect(halfApproved.stderr).toContain('--employer takes "name;role;YYYY-MM-DD"');
    expect(readdirSync(outDir)).toEqual([]);
    const counts = withRawDb(dataDir, (db) => db.prepare('SELECT (SELECT COUNT(*) FROM issued_reports) AS reports, (SELECT COUNT(*) FROM revisions) AS revisions').get(), { readonly: true });
    expect(counts).toEqual({ reports: 0, revisions: 0 });
  }, 120_000);

  it('issues with the approvals through the checklist, then exports the action plan as DOCX and PDF into --out, the same bytes as recorded', () => {
    const issue = kartlegg(
      'issue',
      assessmentId,
      '--revision',
      '1',
      '--employer',
      'Kari Nordmann;Daglig leder;2027-03-20',
      '--safety-rep',
      'Ola Hansen;Verneombud;2027-03-21',
      '--accept-gaps',
    );
    expect(issue.stderr).toBe('');
    expect(issue.status).toBe(0);
    expect(issue.stdout).toContain('[x] approvals');
    expect(issue.stdout).toContain('Issued revision 1');
    const run = kartlegg('report', assessmentId, '--template', 'action-plan', '--format', 'docx,pdf', '--out', outDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readdirSync(outDir).sort();
    expect(files).toHaveLength(2);
    expect(files.map((name) => path.extname(name))).toEqual(['.docx', '.pdf']);
    const [record] = withRawDb(dataDir, (db) => db.prepare('SELECT files FROM issued_reports').all() as { files: string }[], { readonly: true });
    for (const file of JSON.parse(record.files) as IssuedReport['files']) {
      expect(createHash('sha256').update(readFileSync(path.join(outDir, file.fileName))).digest('hex')).toBe(file.sha256);
      expect(run.stdout).toContain(file.sha256);
    }
  }, 120_000);

  it('says what is wrong with an unknown format or template, and writes nothing', () => {
    const before = readdirSync(outDir);
    const format = kartlegg('report', assessmentId, '--template', 'action-plan', '--format', 'odt', '--out', outDir);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Unknown format "odt"');
    const template = kartlegg('report', assessmentId, '--template', 'nope', '--out', outDir);
    expect(template.status).toBe(1);
    expect(template.stderr).toContain('There is no report template "nope"');
    expect(readdirSync(outDir)).toEqual(before);
  }, 120_000);
});
