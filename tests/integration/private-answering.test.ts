// Private answering through the API on a real SQLite file: sensitive items per assessment, the answer
// mode an interview starts in, paper ballot cards in all ten languages parsed back with pdftotext,
// and exposure results and findings from a format 2 guide imported like a user imports one.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SensitiveItems } from '../../src-main/api/methods/private-answering';
import type { ProposeFindingsResult } from '../../src-main/api/methods/risk';
import type { ReportDownload } from '../../src-main/api/methods/reports';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import { findAppRoot } from '../../src-main/paths';
import { apiCalls } from './fixtures/api-calls';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

const appRoot = findAppRoot();
const guideFile = path.join(__dirname, '..', 'fixtures', 'guides-format-2', 'format-2-exposure.json');
const languages = ['nb', 'en', 'pl', 'lt', 'ro', 'uk', 'ar', 'so', 'ti', 'es'];
let dataDir: string;
let runtime: ApiRuntime;
let guide: Guide;
let assessment: AssessmentDetails;
let interview: InterviewSummary;
const { ok, fails } = apiCalls(() => ({ runtime, dataDir }));

/** The same normalisation as the report tests: no direction marks, whitespace as one space. */
function pdfText(pdf: Buffer): string {
  const file = path.join(dataDir, 'ballots.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u200E\u200F\u202A-\u202E]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/لا|ال/g, '«la»');
}
const flat = (text: string) => lamAlef(text.replace(/\s+/g, ' '));
/** pdftotext gives the lam-alef ligature back as alef + lam (the glyph's order), so both sides
 * write either pair the same way; every other letter is compared as it is. */
const lamAlef = (text: string) => text.replace(/لا|ال/g, '«la»');

beforeAll(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  await ok('guides.import', { fileName: 'format-2-exposure.json', content: readFileSync(guideFile, 'utf8') });
  guide = await ok<Guide>('guides.get', { id: 'exposure-test' });
  const client = await ok<{ id: string }>('clients.create', { name: 'Glans Renhold AS' });
  assessment = await ok<AssessmentDetails>('assessments.create', { clientId: client.id, title: 'Kartlegging 2026', method: 'group', guideId: guide.id, guideVersion: guide.version });
  interview = await ok<InterviewSummary>('interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Kveldsskift',
    kind: 'group',
    respondentLanguage: 'pl',
    languages: ['pl', 'ar'],
    expectedParticipants: 4,
    participants: { employee: 4 },
  });
});

afterAll(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

describe('sensitive items', () => {
  it("lists the guide's own and keeps the consultant's marks", async () => {
    expect(await ok<SensitiveItems>('assessments.sensitiveItems', { assessmentId: assessment.id })).toEqual({
      assessmentId: assessment.id,
      guideItemIds: ['sexual-attention'],
      markedItemIds: [],
    });
    const marked = await ok<SensitiveItems>('assessments.setSensitiveItems', { assessmentId: assessment.id, itemIds: ['bullying', 'bullying'] });
    expect(marked.markedItemIds).toEqual(['bullying']);
  });

  it('refuses an item the guide does not have, and writes nothing', async () => {
    const error = await fails('assessments.setSensitiveItems', { assessmentId: assessment.id, itemIds: ['bullying', 'no-such-item'] });
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]).toMatchObject({ path: 'itemIds.1', message: '"no-such-item" is not an item of the assessment\'s guide' });
    expect((await ok<SensitiveItems>('assessments.sensitiveItems', { assessmentId: assessment.id })).markedItemIds).toEqual(['bullying']);
  });
});

describe('the answer mode', () => {
  it('is chosen per interview and comes back with it', async () => {
    expect((await ok<InterviewSummary>('interviews.get', { id: interview.id })).answerMode).toBeUndefined();
    await ok('interviews.setAnswerMode', { id: interview.id, answerMode: 'tally' });
    expect((await ok<InterviewSummary>('interviews.get', { id: interview.id })).answerMode).toBe('tally');
    expect((await fails('interviews.setAnswerMode', { id: interview.id, answerMode: 'hands' })).code).toBe('invalid_input');
  });
});

describe('a package', () => {
  it('carries the marked items and the answer mode to another data folder', async () => {
    const exported = await ok<{ contentBase64: string; fileName: string }>('transfer.exportPackage', { assessmentIds: [assessment.id] });
    const otherDir = makeTempDir();
    const other = await openApiRuntime({ dataDir: otherDir, appRoot, log: () => {} });
    try {
      const call = async <T>(method: string, input: unknown): Promise<T> => {
        const result = await other.call(method, input);
        if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
        return result.value as T;
      };
      await call('guides.import', { fileName: 'format-2-exposure.json', content: readFileSync(guideFile, 'utf8') });
      await call('transfer.importPackage', { fileName: exported.fileName, contentBase64: exported.contentBase64 });
      expect((await call<SensitiveItems>('assessments.sensitiveItems', { assessmentId: assessment.id })).markedItemIds).toEqual(['bullying']);
      expect((await call<InterviewSummary>('interviews.get', { id: interview.id })).answerMode).toBe('tally');
    } finally {
      await other.close();
      removeTempDir(otherDir);
    }
  });
});

describe('paper ballot cards', () => {
  it.each(languages)('in %s carry the question of every private-round item, its answers, its code and the instruction', async (language) => {
    const download = await ok<ReportDownload>('ballots.cards', { interviewId: interview.id, language });
    expect(download.mimeType).toBe('application/pdf');
    expect(download.fileName).toBe(`stemmekort-Kveldsskift-${language}.pdf`);
    const pdf = Buffer.from(download.contentBase64, 'base64');
    const text = pdfText(pdf);
    // Arabic vowel marks come back from pdftotext apart from their letter, so the answer labels and
    // the instruction are compared on their letters alone.
    const letters = (value: string) => value.replace(/[\s\u064B-\u0652]/g, '');
    for (const itemId of ['sexual-attention', 'bullying']) {
      const item = guide.items.find((entry) => entry.id === itemId)!;
      expect(text).toContain(flat(item.text[language]));
    }
    expect(text).toContain('S2');
    expect(text).toContain('S3');
    // The instruction (tick one answer, no name, into the envelope) in the card's own language,
    // sentence by sentence: a wrapped right-to-left text comes back from pdftotext line by line
    // in another order, and the lam-yeh ligature (as in "على") letters reversed, like lam-alef.
    const lamYeh = (value: string) => value.replace(/لى|ىل/g, '«ly»');
    for (const sentence of guide.ballotTexts!.instruction[language].split(/[.።]/).filter((part) => part.trim())) {
      expect(lamYeh(letters(text))).toContain(lamYeh(letters(flat(sentence))));
    }
    const event = guide.scales.find((scale) => scale.id === 'event-12m')!;
    for (const point of event.points) expect(letters(text)).toContain(letters(flat(point.label[language])));
    // Four present: four cards per item, three to a page.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dataDir, 'ballots.pdf')], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(3);
  });

  it('refuses a language the guide does not have', async () => {
    const error = await fails('ballots.cards', { interviewId: interview.id, language: 'fr' });
    expect(error.issues?.[0]).toMatchObject({ path: 'language', key: 'languageNotInGuide' });
  });
});

describe('exposure in the results and findings', () => {
  it('shows one case among nine as red in the total only, and proposes a finding at "Serious"', async () => {
    const day = await ok<InterviewSummary>('interviews.create', { assessmentId: assessment.id, groupName: 'Dagskift', kind: 'group', participants: { employee: 6 } });
    const evening = await ok<InterviewSummary>('interviews.create', { assessmentId: assessment.id, groupName: 'Helg', kind: 'group', participants: { employee: 3 } });
    const save = (interviewId: string, itemId: string, votes: Record<string, number>) =>
      ok('answers.save', { interviewId, itemId, answer: { kind: 'tally', votes } });
    await save(day.id, 'sexual-attention', { 1: 6 });
    await save(day.id, 'bullying', { 1: 6 });
    await save(evening.id, 'sexual-attention', { 1: 2, 2: 1 });
    await save(evening.id, 'bullying', { 1: 3 });
    const { result } = await ok<AssessmentResults>('results.get', { assessmentId: assessment.id });
    const total = result.factors.find((factor) => factor.factorId === 'harassment')!;
    expect(total).toMatchObject({ suppressed: false, n: 9, light: 'red', exposure: { exposed: 1, answered: 9 } });
    for (const group of result.groups.filter((entry) => entry.group !== 'Kveldsskift')) {
      expect(group.factors.find((factor) => factor.factorId === 'harassment')!.suppressed).toBe(true);
    }

    const proposals = await ok<ProposeFindingsResult>('findings.propose', { assessmentId: assessment.id });
    const finding = proposals.created.find((entry) => entry.factorIds.includes('harassment'))!;
    expect(finding.hazard).toContain('svarte 1 av 9 (11 %) at de har opplevd dette det siste året');
    expect(finding).toMatchObject({ consequence: 4, matrixSize: 5, likelihood: null, level: null });
  });

  it('writes the count as a plain sentence in the formal report, never a green light', async () => {
    const preview = await ok<{ document: unknown }>('reports.preview', { assessmentId: assessment.id, templateId: 'risk-assessment-nb' });
    const text = JSON.stringify(preview.document);
    expect(text).toContain(`I hele kartleggingen svarte 1 av 9 (11 %) at de har opplevd dette det siste året: «${guide.items.find((i) => i.id === 'sexual-attention')!.text.nb}»`);
    expect(text).toContain('I hele kartleggingen svarte 0 av 9 (0 %) at de har opplevd dette det siste året');
    expect(text).toContain('Minst 1 av 9 som svarte, rapporterte minst én hendelse.');
  });
});
