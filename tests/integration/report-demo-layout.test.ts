// The demo company's reports as a consultant issues them through the API: the employees' summary is
// one A4 page in all ten languages, its Arabic lists (measures, and on guide 2.0.0 the employees'
// rights) read in logical order with no word moved to another line, and the formal report's DOCX
// keeps its headings as headings when LibreOffice converts it to ODT.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import { call } from '../../src-main/cli/api';
import { createDemo } from '../../src-main/demo/demo-data';
import { appRoot } from '../fixtures/report-fixture';

const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-demo-layout-'));
let runtime: ApiRuntime;
let assessmentId: string;

beforeAll(async () => {
  runtime = await openApiRuntime({ dataDir: path.join(temp, 'data'), appRoot, log: () => {} });
  ({ assessmentId } = await createDemo(runtime));
  const { currentRevision } = await call(runtime, 'revisions.list', { assessmentId });
  await call(runtime, 'revisions.issue', { assessmentId, revision: currentRevision, acceptGaps: true });
}, 300_000);

afterAll(async () => {
  await runtime?.close();
  rmSync(temp, { recursive: true, force: true });
});

async function exported(templateId: string, language: string, format: 'pdf' | 'docx'): Promise<string> {
  const issued = await call(runtime, 'reports.export', { assessmentId, templateId, formats: [format], language });
  const file = await call(runtime, 'reports.download', { reportId: issued.id, format });
  const target = path.join(temp, `${templateId}-${language}.${format}`);
  writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
  return target;
}

describe('the demo employee summary', () => {
  it.each(['nb', 'en', 'pl', 'lt', 'ro', 'uk', 'ar', 'so', 'ti', 'es'])('is one A4 page in %s', async (language) => {
    const pdf = await exported('employee-summary', language, 'pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
  }, 300_000);

  it('has each Arabic list item’s words (measures and rights) in logical order, none moved to another line', async () => {
    const pdf = await exported('employee-summary', 'ar', 'pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const joined = text
      .split('\n')
      .map((line) => line.trim())
      .join(' ')
      .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
      // poppler sets a vowel mark (tanwin) apart with a space; marks are left out on both sides.
      .replace(/\s*\p{M}\s*/gu, '');
    const preview = await call(runtime, 'reports.preview', { assessmentId, templateId: 'employee-summary', language: 'ar' });
    const measures = preview.document.blocks.filter((block) => block.kind === 'list').flatMap((block) => (block.kind === 'list' ? block.items : []));
    expect(measures.length).toBeGreaterThan(0);
    for (const item of measures) {
      // poppler splits the lam–alef ligature, and lam with alef maqsura (على comes out as عىل), into
      // their letters the other way round; such words (also those where a vowel mark sits between
      // the two, as in مثلًا) and bare punctuation are left out of the comparison.
      const words = item[0].text
        .split(/\s+/)
        .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, ''))
        .filter((word) => /\p{L}/u.test(word) && !/ل[اأإآى]/u.test(word));
      let at = -1;
      for (const word of words) {
        const next = joined.indexOf(word, at + 1);
        expect(next, `"${word}" of "${item[0].text}" after the word before it`).toBeGreaterThan(at);
        at = next;
      }
    }
  }, 300_000);
});

describe('the demo formal report as DOCX', () => {
  it('keeps its headings as headings in LibreOffice’s ODT', async () => {
    const docx = await exported('risk-assessment-nb', 'nb', 'docx');
    execFileSync('soffice', ['--headless', '--convert-to', 'odt', '--outdir', temp, docx], { stdio: 'ignore' });
    const odt = unzipSync(readFileSync(docx.replace(/\.docx$/, '.odt')));
    const content = strFromU8(odt['content.xml']);
    const levels = [...content.matchAll(/<text:h [^>]*text:outline-level="(\d)"/g)].map((m) => Number(m[1]));
    expect(levels.filter((level) => level === 1).length).toBeGreaterThanOrEqual(11);
    expect(levels).toContain(2);
    expect(levels).toContain(3);
    const docxXml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']);
    expect(docxXml).toContain('w:val="nb-NO"');
  }, 300_000);
});
