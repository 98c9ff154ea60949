// pdfkit's colours with their parsed numbers remembered (color-shortcut.ts) write the same PDF
// bytes as pdfkit as it ships: hex colours of three and six digits, named colours, a spot colour
// (also one named like a named colour), arrays in RGB and CMYK, opacity, strokes and fills, text and
// shapes, over several pages and twice in a row.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installColorShortcut } from '../../src-main/reports/pdf/color-shortcut';
import { pristinePdfkit } from '../fixtures/pristine-pdf-modules';

const require = createRequire(createRequire(import.meta.url).resolve('pdfmake'));

interface Document {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  addSpotColor(name: string, c: number, m: number, y: number, k: number): Document;
  fillColor(color: unknown, opacity?: number): Document;
  strokeColor(color: unknown, opacity?: number): Document;
  rect(x: number, y: number, w: number, h: number): Document;
  fill(color?: unknown): Document;
  stroke(color?: unknown): Document;
  fillAndStroke(fill?: unknown, stroke?: unknown): Document;
  text(text: string, x?: number, y?: number, options?: object): Document;
  addPage(): Document;
  end(): void;
}
type DocumentClass = new (options: object) => Document;

const pristine = pristinePdfkit<DocumentClass>();
const patched = require('pdfkit') as DocumentClass;

const colors: unknown[] = ['#1f3a5f', '#abc', '#ABCDEF', 'black', 'red', 'CMYK-blå', 'navy', [10, 20, 30], [0, 50, 100, 0], '#1f3a5f', 'no-such-colour', 'black'];

function render(PDFDocument: DocumentClass): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2026, 11, 6)) }, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.addSpotColor('CMYK-blå', 100, 40, 0, 10).addSpotColor('navy', 0, 0, 100, 0);
  for (let page = 0; page < 3; page++) {
    if (page > 0) doc.addPage();
    colors.forEach((color, i) => {
      doc.rect(50, 50 + i * 20, 100, 15).fillAndStroke(color, colors[(i + page + 1) % colors.length]);
      doc.fillColor(color, i % 3 ? 1 : 0.4).text(`Farge ${i}`, 200, 50 + i * 20, { lineBreak: false });
      doc.strokeColor(color).rect(350, 50 + i * 20, 50, 10).stroke();
    });
  }
  doc.end();
  return done;
}

describe('pdfkit colours with their numbers remembered', () => {
  it('is installed on the pdfkit the reports use, not on the copy as it ships', () => {
    expect(installColorShortcut()).toBe(true);
    expect((patched as unknown as { prototype: { colorShortcut?: true } }).prototype.colorShortcut).toBe(true);
    expect((pristine as unknown as { prototype: { colorShortcut?: true } }).prototype.colorShortcut).toBeUndefined();
  });

  it('writes the same PDF bytes as pdfkit without it, the first time and again', async () => {
    installColorShortcut();
    for (let round = 0; round < 2; round++) {
      const [expected, actual] = await Promise.all([render(pristine), render(patched)]);
      expect(actual.length).toBe(expected.length);
      expect(actual.equals(expected)).toBe(true);
    }
  });
});
