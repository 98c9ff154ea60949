// pdfkit writes every operator it draws (about 20 for each word of a report: colour, opacity, text
// matrix, font, glyphs, ...) to its page's content stream as a Buffer of its own, made from the
// operator's text, and joins them when the stream ends: about 100,000 small Buffers for the demo's
// formal report, each an allocation for the garbage collector. A stream's text is now kept as
// text and made into one Buffer when binary data follows or the stream ends: the same bytes in the
// same order (pdfkit's 'binary' encoding writes one byte per UTF-16 unit, so the lengths it keeps
// are the same too). Installed once per process on pdfkit's class; a pdfkit whose class has no
// such write and finalize keeps its own path. That the bytes are the same is checked against an
// untouched pdfkit by tests/unit/report-pdf-content-write.test.ts (run it after updating pdfkit).
import { loadPdfkit } from '../report-libraries';
import { recordWrittenStream } from './written-streams';

interface PdfDocument {
  _security?: unknown;
  _write(data: unknown): unknown;
}

interface PdfReference {
  id: number;
  document: PdfDocument;
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[];
  /** The text written since the last Buffer (this shortcut's own field). */
  pendingText?: string;
  write(chunk: unknown): void;
  finalize(): void;
}

interface PdfReferenceClass {
  prototype: PdfReference & { writeShortcut?: true };
}

/** pdfkit's PDFReference class: not exported, so found from a reference the document's ref() makes. */
function pdfReferenceClass(): PdfReferenceClass | null {
  const pdfkit = loadPdfkit() as { prototype?: { ref?: (data: object) => object } };
  const ref = pdfkit.prototype?.ref;
  if (typeof ref !== 'function') return null;
  // ref() reads only the document's offsets and counts the reference as awaited; a stand-in document
  // gives it those, so nothing is added to a real document.
  const sample = ref.call({ _offsets: [], _waiting: 0 }, {});
  const prototype = Object.getPrototypeOf(sample) as PdfReference | null;
  return prototype && prototype.constructor ? (prototype.constructor as unknown as PdfReferenceClass) : null;
}

/** Moves the text written so far into the stream's Buffers, as pdfkit would have written it. */
function flushText(reference: PdfReference): void {
  if (!reference.pendingText) return;
  reference.buffer.push(Buffer.from(reference.pendingText, 'binary'));
  reference.pendingText = '';
}

export function installContentWriteShortcut(): boolean {
  const referenceClass = pdfReferenceClass();
  const prototype = referenceClass?.prototype;
  if (!prototype || typeof prototype.write !== 'function' || typeof prototype.finalize !== 'function') return false;
  if (prototype.writeShortcut) return true;
  const write = prototype.write;
  const finalize = prototype.finalize;
  prototype.write = function (this: PdfReference, chunk: unknown) {
    if (chunk instanceof Uint8Array || !Array.isArray(this.buffer)) {
      flushText(this);
      return write.call(this, chunk);
    }
    const text = (chunk as string) + '\n';
    this.pendingText = (this.pendingText ?? '') + text;
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    this.data.Length += text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function (this: PdfReference) {
    flushText(this);
    // Kept for the self-check (written-streams.ts): the chunks pdfkit is about to join and deflate,
    // and the deflated data it writes into the document (its only binary write here).
    const chunks = this.compress && !this.document._security && Array.isArray(this.buffer) && this.buffer.length ? this.buffer : null;
    if (!chunks) return finalize.call(this);
    const document = this.document;
    const ownWrite = Object.prototype.hasOwnProperty.call(document, '_write');
    const documentWrite = document._write;
    let deflated: Uint8Array | undefined;
    document._write = function (this: unknown, data: unknown) {
      if (data instanceof Uint8Array) deflated = data;
      return documentWrite.call(this, data);
    };
    try {
      return finalize.call(this);
    } finally {
      if (ownWrite) document._write = documentWrite;
      else delete (document as Partial<PdfDocument>)._write;
      if (deflated) recordWrittenStream(document, this.id, { chunks, deflated });
    }
  };
  prototype.writeShortcut = true;
  return true;
}
