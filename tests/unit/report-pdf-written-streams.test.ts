// The self-check reads a PDF rendered in this process from the streams as pdfkit wrote them, before
// deflating (written-streams.ts), instead of inflating them again: every stream it takes so is what
// inflating the file's own stream gives, the text read is the same, and a stream whose object or
// compressed bytes do not match the file's, or a PDF not rendered here, is inflated from the file as
// before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import { loadReportFonts } from '../../src-main/reports/fonts';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { extractPdfText } from '../../src-main/reports/pdf/pdf-extract';
import { renderPdf } from '../../src-main/reports/pdf/render-pdf';
import { linkWrittenStreams, recordWrittenStream, writtenStream } from '../../src-main/reports/pdf/written-streams';
import { missingText } from '../../src-main/reports/self-check';
import type { ReportDocument } from '../../src-main/reports/model';
import { appRoot, fixtureReportData, fontDir } from '../fixtures/report-fixture';

/** Every FlateDecode stream of the file: object number, its data as in the file, its data inflated. */
function compressedStreams(pdf: Buffer): { objectNumber: number; raw: Buffer; inflated: Buffer }[] {
  const text = pdf.toString('latin1');
  const streams = [];
  for (const match of text.matchAll(/(\d+) 0 obj\b/g)) {
    const end = text.indexOf('endobj', match.index);
    const streamAt = text.indexOf('stream\n', match.index);
    if (streamAt < 0 || streamAt > end) continue;
    const dict = text.slice(match.index, streamAt);
    if (!dict.includes('/FlateDecode')) continue;
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const start = streamAt + 'stream\n'.length;
    streams.push({ objectNumber: Number(match[1]), raw: pdf.subarray(start, start + length), inflated: inflateSync(pdf.subarray(start, start + length)) });
  }
  return streams;
}

describe('a PDF rendered in this process', () => {
  let document: ReportDocument;
  let pdf: Buffer;
  beforeAll(async () => {
    const file = path.join(appRoot, 'templates', 'reports', 'risk-assessment-nb.json');
    const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error('risk-assessment-nb.json is not valid');
    document = buildReportDocument(parsed.template, fixtureReportData());
    pdf = await renderPdf(document, loadReportFonts(fontDir));
  });

  it('has its page streams as written, each exactly what inflating the file gives back', () => {
    const streams = compressedStreams(pdf);
    const written = streams.filter((stream) => writtenStream(pdf, stream.objectNumber, stream.raw));
    // The pages' content streams at least (the fonts and their maps are recorded too).
    expect(written.length).toBeGreaterThan(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length);
    for (const stream of written) expect(writtenStream(pdf, stream.objectNumber, stream.raw)!.equals(stream.inflated)).toBe(true);
  });

  it('reads the same text from the written streams as from the file, and none of the model is missing', () => {
    const fromFile = extractPdfText(Buffer.from(pdf));
    expect(extractPdfText(pdf)).toEqual(fromFile);
    expect(fromFile.length).toBeGreaterThan(100);
    expect(missingText(document, extractPdfText(pdf))).toEqual([]);
  });

  it('takes a written stream only for the same object holding the same compressed bytes', () => {
    const [stream] = compressedStreams(pdf);
    const changed = Buffer.from(stream.raw);
    changed[changed.length >> 1] ^= 0xff;
    expect(writtenStream(pdf, stream.objectNumber, changed)).toBeUndefined();
    expect(writtenStream(pdf, stream.objectNumber, stream.raw.subarray(1))).toBeUndefined();
    expect(writtenStream(pdf, 999_999, stream.raw)).toBeUndefined();
    expect(writtenStream(Buffer.from(pdf), stream.objectNumber, stream.raw)).toBeUndefined();
  });

  it('still finds the text missing when the streams in the file were damaged after rendering', async () => {
    const own = await renderPdf(document, loadReportFonts(fontDir));
    expect(missingText(document, extractPdfText(own))).toEqual([]);
    // Damaged in place, in the very Buffer the streams were recorded for.
    for (const stream of compressedStreams(Buffer.from(own))) own.fill(0, stream.raw.byteOffset, stream.raw.byteOffset + stream.raw.byteLength);
    expect(missingText(document, extractPdfText(own)).length).toBeGreaterThan(10);
  });
});

it('inflates from the file whatever was recorded for another object number or length', () => {
  const content = 'BT /F1 12 Tf <0001> Tj ET';
  const cmap = 'beginbfchar\n<0001> <0048>\nendbfchar';
  const deflated = deflateSync(Buffer.from(content, 'latin1'));
  const pdf = Buffer.concat([
    Buffer.from(
      [
        '%PDF-1.3',
        '1 0 obj\n<< /Type /Page /Resources << /Font << /F1 2 0 R >> >> /Contents 4 0 R >>\nendobj',
        '2 0 obj\n<< /Type /Font /Subtype /Type0 /ToUnicode 3 0 R >>\nendobj',
        `3 0 obj\n<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream\nendobj`,
        `4 0 obj\n<< /Length ${deflated.length} /Filter /FlateDecode >>\nstream\n`,
      ].join('\n'),
      'latin1',
    ),
    deflated,
    Buffer.from('\nendstream\nendobj\n%%EOF', 'latin1'),
  ]);
  const document = {};
  // A recording that does not match this file's object 4 (other compressed bytes) is not used.
  recordWrittenStream(document, 4, { chunks: [Buffer.from('BT /F1 12 Tf <0001> Tj ET\nBT /F1 12 Tf <0001> Tj ET', 'latin1')], deflated: deflateSync(Buffer.from('other', 'latin1')) });
  linkWrittenStreams(document, pdf);
  expect(extractPdfText(pdf)).toEqual(['H']);
});
