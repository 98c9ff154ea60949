// The text drawn in a PDF this app rendered, read back from its bytes for the self-check after
// rendering. It reads what pdfkit writes: objects with FlateDecode streams, Type0 fonts with a
// ToUnicode map, and text shown with Tj and TJ. Each text object becomes a piece of text of its own
// (a word or a line); the order is the drawing order.
import { inflateSync } from 'node:zlib';
import { writtenStream } from './written-streams';

interface PdfObject {
  dict: string;
  /** The stream's data, inflated when first asked for: the embedded fonts, most of a report's
   * bytes, are never read. */
  stream(): Buffer | null;
}

function lazyStream(pdf: Buffer, objectNumber: number, dict: string, raw: Buffer): () => Buffer | null {
  let data: Buffer | null | undefined;
  return () => {
    if (data === undefined) {
      if (!/\/FlateDecode/.test(dict)) return (data = raw);
      // What inflating would give back, when this process wrote these very bytes (written-streams.ts).
      data = writtenStream(pdf, objectNumber, raw);
      if (data) return data;
      try {
        data = inflateSync(raw);
      } catch {
        data = null;
      }
    }
    return data;
  };
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const begin = match.index + match[0].length;
    const end = text.indexOf('endobj', begin);
    if (end < 0) break;
    const body = text.slice(begin, end);
    const streamAt = body.search(/stream\r?\n/);
    let stream = (): Buffer | null => null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const dataStart = begin + streamAt + (body.slice(streamAt).startsWith('stream\r\n') ? 8 : 7);
      const dataEnd = text.lastIndexOf('endstream', end);
      stream = lazyStream(pdf, Number(match[1]), dict, pdf.subarray(dataStart, dataEnd));
    }
    objects.set(Number(match[1]), { dict, stream });
    start.lastIndex = end;
  }
  return objects;
}

/** UTF-16BE in hex; pdfkit writes a ligature's characters with a space between them. */
function utf16(spaced: string): string {
  const hex = spaced.replace(/\s+/g, '');
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** A ToUnicode CMap: glyph code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(entry[1], 16), utf16(entry[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const low = parseInt(entry[1], 16);
      const high = parseInt(entry[2], 16);
      if (entry[3].startsWith('[')) {
        [...entry[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((target, i) => map.set(low + i, utf16(target[1])));
      } else {
        const first = parseInt(entry[3].slice(1, -1), 16);
        for (let code = low; code <= high; code++) map.set(code, String.fromCharCode(first + code - low));
      }
    }
  }
  return map;
}

/** A hexadecimal digit's value by its character code; -1 for any other character. */
const hexDigit = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  hexDigit[digit.toString(16).charCodeAt(0)] = digit;
  hexDigit[digit.toString(16).toUpperCase().charCodeAt(0)] = digit;
}
const isHex = (code: number) => code < 128 && hexDigit[code] >= 0;

/** The text of the glyph codes written in hex from `start` to `end`, four digits a glyph. Read
 * digit by digit: a report shows tens of thousands of glyphs, and this runs on every export. */
function glyphText(hex: string, start: number, end: number, font: Map<number, string> | undefined): string {
  let text = '';
  for (let i = start; i + 4 <= end; i += 4) {
    const code = (hexDigit[hex.charCodeAt(i)] << 12) | (hexDigit[hex.charCodeAt(i + 1)] << 8) | (hexDigit[hex.charCodeAt(i + 2)] << 4) | hexDigit[hex.charCodeAt(i + 3)];
    text += font?.get(code) ?? '';
  }
  return text;
}

/** The text of a TJ array's hex strings (<...>); the numbers between them only move the pen. */
function shownText(array: string, font: Map<number, string> | undefined): string {
  let text = '';
  for (let open = array.indexOf('<'); open >= 0; open = array.indexOf('<', open + 1)) {
    let close = open + 1;
    while (close < array.length && isHex(array.charCodeAt(close))) close++;
    if (array.charCodeAt(close) !== 62 /* > */) continue;
    text += glyphText(array, open + 1, close, font);
    open = close;
  }
  return text;
}

/** The pieces of text shown in the PDF's content streams, in drawing order. */
export function extractPdfText(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  // Font resource names (pdfkit numbers them F1, F2 … once per document) → their ToUnicode maps.
  const fonts = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    for (const resources of object.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, ref] of resources[1].matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        if (fonts.has(name)) continue;
        const toUnicode = objects.get(Number(ref))?.dict.match(/\/ToUnicode (\d+) 0 R/);
        const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream() : null;
        if (cmap) fonts.set(name, parseCMap(cmap.toString('latin1')));
      }
    }
  }
  const pieces: string[] = [];
  for (const object of objects.values()) {
    if (/\/(Subtype|Type)\s*\/(Image|XObject|FontFile|XRef|Metadata)/.test(object.dict) || /\/Length1/.test(object.dict)) continue;
    const stream = object.stream();
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/T[jJ]/.test(content)) continue;
    let font: Map<number, string> | undefined;
    let piece = '';
    const ops = /\/([\w.+-]+)\s+[-\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g;
    for (const op of content.matchAll(ops)) {
      if (op[1] !== undefined) font = fonts.get(op[1]);
      else if (op[0] === 'ET') {
        if (piece) pieces.push(piece);
        piece = '';
      } else if (op[2] !== undefined) {
        piece += shownText(op[2], font);
      } else {
        piece += glyphText(op[3], 0, op[3].length, font);
      }
    }
    if (piece) pieces.push(piece);
  }
  return pieces;
}
