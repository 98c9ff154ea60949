// pdfmake and fontkit as the PDF reports load them: the modules a report never calls (pdfkit's PDF
// encryption, fontkit's WOFF2 decompressor) are not run at load, and still work when they are used.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type * as Fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { inflateWithZlib, loadFontkit, loadPdfmake } from '../../src-main/reports/report-libraries';

const loadedModules = () => Object.keys(createRequire(import.meta.url).cache);
const isLoaded = (part: string) => loadedModules().some((file) => file.split(path.sep).join('/').includes(part));
const temp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-report-libraries-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** One table of a TrueType file, by its tag. */
function sfntTable(font: Buffer, tag: string): Buffer {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) {
      return font.subarray(font.readUInt32BE(record + 8), font.readUInt32BE(record + 8) + font.readUInt32BE(record + 12));
    }
  }
  throw new Error(`no ${tag} table`);
}

/** A WOFF2 file holding one table (untransformed, named by its tag), Brotli-compressed as WOFF2 is. */
function woff2With(tag: string, table: Buffer): Buffer {
  const compressed = brotliCompressSync(table);
  // One directory entry: flags 63 (a tag of its own, no transform), the tag, the length (UIntBase128).
  const length = [];
  for (let rest = table.length, first = true; first || rest > 0; rest >>>= 7, first = false) length.unshift((rest & 0x7f) | (first ? 0 : 0x80));
  const entry = Buffer.concat([Buffer.from([0x3f]), Buffer.from(tag, 'latin1'), Buffer.from(length)]);
  const header = Buffer.alloc(48);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(48 + entry.length + compressed.length, 8);
  header.writeUInt16BE(1, 12);
  header.writeUInt32BE(12 + 16 + table.length, 16);
  header.writeUInt32BE(compressed.length, 20);
  header.writeUInt16BE(1, 24);
  return Buffer.concat([header, entry, compressed]);
}

describe('the report libraries', () => {
  it('load without running pdfkit’s encryption or fontkit’s WOFF2 decompressor', () => {
    loadPdfmake();
    expect(isLoaded('/pdfkit/')).toBe(true);
    expect(isLoaded('/fontkit/')).toBe(true);
    expect(isLoaded('/@noble/ciphers/')).toBe(false);
    expect(isLoaded('/@noble/hashes/')).toBe(false);
    expect(isLoaded('/brotli/')).toBe(false);
    expect(isLoaded('/xmldoc/')).toBe(false);
    expect(isLoaded('/svg-to-pdfkit')).toBe(false);
  });

  it('still decode a WOFF2 font: its decompressor loads when first needed', () => {
    const ttf = readFileSync(path.join(__dirname, '../../resources/fonts/NotoSans-Regular.ttf'));
    const head = sfntTable(ttf, 'head');
    const fontkit = loadFontkit();
    const woff2 = fontkit.create(woff2With('head', head)) as Fontkit.Font & { head: { unitsPerEm: number; magicNumber: number } };
    const ttfFont = fontkit.create(ttf) as Fontkit.Font & { head: { unitsPerEm: number; magicNumber: number } };
    expect(woff2.type).toBe('WOFF2');
    expect(woff2.head).toEqual(ttfFont.head);
    expect(woff2.head.magicNumber).toBe(0x5f0f3cf5);
    expect(isLoaded('/brotli/')).toBe(true);
  });

  it('shape Arabic, Indic and other complex scripts as fontkit does: their character tables unpack when first used', () => {
    const fontkit = loadFontkit();
    // A second copy of fontkit and its table decoder, loaded past Node's module cache, as it ships.
    const require = createRequire(import.meta.url);
    const fontkitPath = require.resolve('fontkit');
    const restructurePath = createRequire(fontkitPath).resolve('restructure');
    const saved = [fontkitPath, restructurePath].map((key) => [key, require.cache[key]] as const);
    for (const [key] of saved) delete require.cache[key];
    let pristine: typeof Fontkit;
    try {
      pristine = require('fontkit') as typeof Fontkit;
    } finally {
      for (const [key, module] of saved) {
        if (module) require.cache[key] = module;
        else delete require.cache[key];
      }
    }
    expect(pristine).not.toBe(fontkit);
    const shaped = (kit: typeof Fontkit, file: string, text: string) => {
      const run = (kit.create(readFileSync(path.join(__dirname, '../../resources/fonts', file))) as Fontkit.Font).layout(text);
      return { glyphs: run.glyphs.map((glyph) => glyph.id), positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), script: run.script };
    };
    const texts: [string, string][] = [
      ['NotoSansArabic-Regular.ttf', 'العربية والعَمَل'],
      ['NotoSans-Regular.ttf', 'नमस्ते क्षत्रिय'], // Devanagari: the Indic shaper
      ['NotoSans-Regular.ttf', 'ꦧꦱꦗꦮ ᬩᬲᬮᬶ'], // Javanese and Balinese: the Universal Shaping Engine
      ['NotoSansEthiopic-Regular.ttf', 'ሰላም ትግርኛ'],
    ];
    for (const [file, text] of texts) expect(shaped(fontkit, file, text)).toEqual(shaped(pristine, file, text));
  });

  it('still draw an SVG: its parser and renderer load when first needed', async () => {
    const pdfmake = loadPdfmake();
    pdfmake.setFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => file.startsWith('Helvetica'));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect x="10" y="10" width="80" height="20" fill="#1f3a5f"/></svg>';
    const definition = { content: [{ svg, width: 100 }], defaultStyle: { font: 'Helvetica' }, compress: false };
    const pdf = await pdfmake.createPdf(definition as Parameters<typeof pdfmake.createPdf>[0]).getBuffer();
    expect(isLoaded('/xmldoc/')).toBe(true);
    expect(isLoaded('/svg-to-pdfkit')).toBe(true);
    // The rectangle, filled in its colour (#1f3a5f).
    expect(pdf.toString('latin1')).toMatch(/0\.1215\d* 0\.2274\d* 0\.3725\d* (rg|scn)/);
    expect(pdf.toString('latin1')).toMatch(/10 10 m\s+90 10 l\s+90 30 l\s+10 30 l\s+h\s+f/);
  });

  it('still encrypt a PDF: AES and SHA-256 load when first needed', async () => {
    const pdfmake = loadPdfmake();
    pdfmake.setFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
    pdfmake.setUrlAccessPolicy(() => false);
    // pdfkit's built-in Helvetica (its own metrics files); nothing else.
    pdfmake.setLocalAccessPolicy((file) => file.startsWith('Helvetica'));
    const definition = {
      content: ['Konfidensielt utkast'],
      defaultStyle: { font: 'Helvetica' },
      userPassword: 'bruker-passord',
      ownerPassword: 'eier-passord',
      version: '1.7ext3',
    };
    const file = path.join(temp, 'encrypted.pdf');
    writeFileSync(file, await pdfmake.createPdf(definition as Parameters<typeof pdfmake.createPdf>[0]).getBuffer());
    expect(isLoaded('/@noble/ciphers/')).toBe(true);
    expect(execFileSync('pdfinfo', ['-upw', 'bruker-passord', file], { encoding: 'utf8' })).toMatch(/Encrypted:\s+yes .*AES-256/);
    expect(execFileSync('pdftotext', ['-upw', 'bruker-passord', file, '-'], { encoding: 'utf8' })).toContain('Konfidensielt utkast');
    expect(() => execFileSync('pdftotext', [file, '-'], { stdio: 'pipe' })).toThrow();
  });
});

describe("unicode-trie's inflate done by zlib", () => {
  type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
  const tinyInflate = createRequire(createRequire(import.meta.url).resolve('unicode-trie'))('tiny-inflate') as Inflate;
  const inflate = inflateWithZlib(tinyInflate);

  /** The Unicode tables the report libraries build (base64 in their code), as unicode-trie reads them. */
  const tables = ['unicode-properties', 'linebreak', 'fontkit'].flatMap((name) => {
    const code = readFileSync(createRequire(import.meta.url).resolve(name), 'utf8');
    return [...code.matchAll(/\(\s*"([A-Za-z0-9+/=]{400,})"\s*\)/g)].map((match, i) => ({ name: `${name} ${i + 1}`, data: Buffer.from(match[1], 'base64') }));
  });

  it('finds the tables', () => {
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['unicode-properties 1', 'linebreak 1', 'fontkit 1', 'fontkit 2']));
  });

  it('gives every table the bytes tiny-inflate gives, in both of unicode-trie’s rounds', () => {
    for (const { data } of tables) {
      const length = data.readUInt32LE(8);
      const [tinyOnce, zlibOnce] = [tinyInflate, inflate].map((fn) => fn(data.subarray(12), new Uint8Array(length)));
      expect(Buffer.from(zlibOnce).equals(Buffer.from(tinyOnce))).toBe(true);
      const [tinyTwice, zlibTwice] = [tinyInflate, inflate].map((fn) => fn(tinyOnce, new Uint8Array(length)));
      expect(zlibTwice.length).toBe(length);
      expect(Buffer.from(zlibTwice).equals(Buffer.from(tinyTwice))).toBe(true);
    }
  });

  it('returns what tiny-inflate returns for a larger buffer, and fails as it does on bad data', () => {
    const { data } = tables[0];
    const length = data.readUInt32LE(8);
    const [tiny, zlib] = [tinyInflate, inflate].map((fn) => fn(data.subarray(12), new Uint8Array(length + 100)));
    expect(zlib.length).toBe(tiny.length);
    expect(Buffer.from(zlib).equals(Buffer.from(tiny))).toBe(true);
    const bad = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    expect(() => tinyInflate(bad, new Uint8Array(10))).toThrow();
    expect(() => inflate(bad, new Uint8Array(10))).toThrow(/Data error/);
  });
});
