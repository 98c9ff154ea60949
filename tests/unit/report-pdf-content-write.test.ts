// pdfkit's content streams kept as text until they end (content-write-shortcut.ts) give the same PDF,
// byte for byte, as pdfkit as it ships: pages of text in an embedded report font and in a built-in
// one, colours, opacity, vectors, compressed and not, and a stream with text and binary data mixed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installContentWriteShortcut } from '../../src-main/reports/pdf/content-write-shortcut';
import { pristinePdfkit } from '../fixtures/pristine-pdf-modules';
import { fontDir } from '../fixtures/report-fixture';

const require = createRequire(createRequire(import.meta.url).resolve('pdfmake'));

interface Reference {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}
interface Document {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  font(src: string | Uint8Array): Document;
  fontSize(size: number): Document;
  fillColor(color: string): Document;
  opacity(value: number): Document;
  text(text: string, x?: number, y?: number, options?: object): Document;
  rect(x: number, y: number, w: number, h: number): Document;
  fill(color?: string): Document;
  addPage(): Document;
  ref(data?: object): Reference;
  end(): void;
}
type DocumentClass = new (options: object) => Document;

const pristine = pristinePdfkit<DocumentClass>();
const patched = require('pdfkit') as DocumentClass;

const notoSans = readFileSync(path.join(fontDir, 'NotoSans-Regular.ttf'));
const words = 'Arbeidsmiljøet i renholdet: trusler, alenearbeid og språk – fire av ti svarte «ofte».'.split(' ');

function render(PDFDocument: DocumentClass, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress, info: { CreationDate: new Date(Date.UTC(2026, 11, 6)) }, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 0; page < 3; page++) {
    if (page > 0) doc.addPage();
    doc.font(notoSans).fontSize(10);
    words.forEach((word, i) => {
      doc.opacity(i % 3 ? 1 : 0.5).fillColor(i % 2 ? '#1f3a5f' : 'black');
      doc.text(word, 50 + (i % 5) * 90, 60 + Math.floor(i / 5) * 14 + page, { lineBreak: false });
    });
    doc.font('Helvetica').text('Side ' + (page + 1), 50, 700, { lineBreak: false });
    doc.rect(50, 720, 200, 10).fill('#e0e0e0');
  }
  // One stream written as text, then binary data, then text again.
  const mixed = doc.ref({});
  mixed.write('q 1 0 0 1 0 0 cm');
  mixed.write(new Uint8Array([0, 1, 2, 255, 10]));
  mixed.write('Q');
  mixed.write(42);
  mixed.end('% slutt');
  doc.end();
  return done;
}

describe('pdfkit content streams kept as text', () => {
  it('is installed on the pdfkit the reports use, not on the copy as it ships', () => {
    expect(installContentWriteShortcut()).toBe(true);
    expect(patched).not.toBe(pristine);
  });

  it.each([true, false])('write the same PDF bytes as pdfkit without it (compressed: %s)', async (compress) => {
    installContentWriteShortcut();
    const [expected, actual] = await Promise.all([render(pristine, compress), render(patched, compress)]);
    expect(actual.length).toBe(expected.length);
    expect(actual.equals(expected)).toBe(true);
  });
});
