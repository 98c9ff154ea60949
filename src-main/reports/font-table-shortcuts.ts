// Two of a report font's tables read without fontkit's general table decoder, as it would decode
// them. A PDF reads little of them: of 'post' only the flags and metrics at its start (pdfkit asks
// whether the font is fixed-pitch), yet fontkit decoded all its glyph names, some thousands of
// strings, for every report font embedded (about 7 ms each); 'loca', the glyphs' offsets that a
// subset copies, it decoded number by number through its generic array decoder. 'loca' is read here
// at once; of 'post' the start is, and the glyph names are decoded by fontkit itself when first
// asked for (nothing in a PDF export asks). The objects have the fields, values and key order that
// fontkit's decoder gives, and 'loca' its hidden bookkeeping fields too ('post' reports only its
// header as read, which nothing reads); tests/unit/report-font-tables.test.ts compares them for
// every report font. Any other table, version or layout is left to fontkit.
// Of 'GDEF', the parts fontkit never reads (the attachment points, ligature carets and mark glyph
// sets: in Noto Sans Arabic about 12 ms of decoding) are decoded when first read, through
// restructure's own lazy pointers, as the mark anchors already are (shaping-shortcuts.ts). That
// change is made on fontkit's shared GDEF structure, so it holds for every font's GDEF.

import { createRequire } from 'node:module';

interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

interface FontForTables {
  stream: { buffer: Uint8Array; pos: number };
  head?: { indexToLocFormat?: number };
}

/** The fields restructure gives every decoded struct, hidden: its parent and where it was read. */
function struct(font: FontForTables, table: TableEntry, consumed: number): Record<string, unknown> {
  const result = {};
  Object.defineProperties(result, {
    parent: { value: font },
    _startOffset: { value: table.offset },
    _currentOffset: { value: consumed, writable: true },
    _length: { value: table.length },
  });
  return result as Record<string, unknown>;
}

function tableView(font: FontForTables, table: TableEntry): DataView | null {
  const bytes = font.stream.buffer;
  if (table.length <= 0 || table.offset < 0 || table.offset + table.length > bytes.length) return null;
  return new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
}

/** 'loca': the offsets of the glyphs, 16-bit halves (format 0) or 32-bit (format 1) by head.indexToLocFormat. */
function decodeLoca(font: FontForTables, table: TableEntry): unknown {
  const version = font.head?.indexToLocFormat;
  const size = version === 0 ? 2 : version === 1 ? 4 : 0;
  const view = tableView(font, table);
  if (!size || !view || table.length % size !== 0) return undefined;
  const result = struct(font, table, table.length);
  result.version = version;
  const offsets: number[] = [];
  for (let at = 0; at < table.length; at += size) offsets.push(size === 2 ? view.getUint16(at) : view.getUint32(at));
  result.offsets = offsets;
  // fontkit's loca.process: format 0 stores half the offset.
  if (version === 0) {
    for (let i = 0; i < offsets.length; i++) offsets[i] <<= 1;
    result._processed = true;
  }
  return result;
}

const postHeaderBytes = 32;

/** 'post' version 2: the header read here, the glyph names (numberOfGlyphs, glyphNameIndex, names)
 * decoded by fontkit (`decodeWhole`) when one of them is first read. */
function decodePost(font: FontForTables, table: TableEntry, decodeWhole: () => Record<string, unknown>): unknown {
  const view = tableView(font, table);
  if (!view || table.length < postHeaderBytes + 2) return undefined;
  const version = view.getInt32(0) / 65536;
  if (version !== 2) return undefined;
  const result = struct(font, table, postHeaderBytes);
  result.version = version;
  result.italicAngle = view.getInt32(4) / 65536;
  result.underlinePosition = view.getInt16(8);
  result.underlineThickness = view.getInt16(10);
  result.isFixedPitch = view.getUint32(12);
  result.minMemType42 = view.getUint32(16);
  result.maxMemType42 = view.getUint32(20);
  result.minMemType1 = view.getUint32(24);
  result.maxMemType1 = view.getUint32(28);
  let whole: Record<string, unknown> | undefined;
  for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names']) {
    Object.defineProperty(result, key, { enumerable: true, configurable: true, get: () => (whole ??= decodeWhole())[key] });
  }
  return result;
}

interface PointerType {
  options?: { lazy?: boolean };
}
interface VersionedStructClass {
  prototype: { decode(this: { versions?: Record<string, Record<string, PointerType | undefined>> }, ...args: unknown[]): unknown };
}

/** Whether GDEF's unused parts are made lazy yet (once per process, on the first GDEF decoded). */
let gdefPartsLazy = false;

/** fontkit's GDEF structure is not exported: it is the first versioned structure its GDEF decode
 * enters, so it is taken there, once, and its unused parts' pointers are made lazy before it reads. */
function decodeGdefWithUnusedPartsLazy(decode: () => unknown): unknown {
  gdefPartsLazy = true;
  const fontkitRequire = createRequire(createRequire(import.meta.url).resolve('fontkit'));
  const versionedStruct = (fontkitRequire('restructure') as { VersionedStruct?: VersionedStructClass }).VersionedStruct;
  const prototype = versionedStruct?.prototype;
  const original = prototype?.decode;
  if (!prototype || typeof original !== 'function') return decode();
  prototype.decode = function (...args) {
    prototype.decode = original;
    const versions = this.versions;
    const pointers = [versions?.header?.attachList, versions?.header?.ligCaretList, versions?.[0x10002]?.markGlyphSetsDef, versions?.[0x10003]?.markGlyphSetsDef];
    if (pointers.every((pointer) => typeof pointer?.options?.lazy === 'boolean')) for (const pointer of pointers) pointer!.options!.lazy = true;
    return original.apply(this, args);
  };
  try {
    return decode();
  } finally {
    prototype.decode = original;
  }
}

/** The table decoded here, or undefined to let fontkit decode it (`decode`: fontkit's own decoder). */
export function decodeTableShortcut(font: FontForTables, table: TableEntry, decode: () => unknown): unknown {
  if (table.tag === 'loca') return decodeLoca(font, table);
  if (table.tag === 'post') return decodePost(font, table, () => decode() as Record<string, unknown>);
  if (table.tag === 'GDEF' && !gdefPartsLazy) return decodeGdefWithUnusedPartsLazy(decode);
  return undefined;
}
