// The content of each compressed stream as pdfkit wrote it, before deflating, kept for the self-check
// of the PDF it ends up in. The self-check reads the text the finished file shows; inflating its
// page streams again (about 2 MB for the demo's formal report) cost it more than half its time,
// while the bytes pdfkit deflated are exactly what inflating gives back. A stream is taken from
// here only when the file's object has the number recorded when it was written and holds exactly
// the compressed bytes written for it (compared byte for byte, far cheaper than inflating), so the
// check still reads what the file holds; any other stream, and any PDF not rendered in this
// process, is inflated from the file.

/** What was written into one stream of a document: its chunks before deflating, and its
 * compressed data as written into the file. */
export interface WrittenStream {
  chunks: readonly Uint8Array[];
  deflated: Uint8Array;
}

type StreamsByObject = Map<number, WrittenStream>;

/** By pdfkit document (the object whose references wrote them); dropped with the document. */
const byDocument = new WeakMap<object, StreamsByObject>();
/** By the finished PDF's bytes; dropped with them. */
const byPdf = new WeakMap<Buffer, StreamsByObject>();

/** Called by the stream's finalize (content-write-shortcut.ts) once its compressed data is written. */
export function recordWrittenStream(document: object, objectNumber: number, stream: WrittenStream): void {
  let streams = byDocument.get(document);
  if (!streams) {
    streams = new Map();
    byDocument.set(document, streams);
  }
  streams.set(objectNumber, stream);
}

/** Links a document's recorded streams to the PDF it was written into. */
export function linkWrittenStreams(document: object, pdf: Buffer): void {
  const streams = byDocument.get(document);
  if (streams) byPdf.set(pdf, streams);
}

/** The data of object `objectNumber`'s stream as written, when it was recorded for this very PDF
 * and `raw` (the file's stream data, from "stream" to "endstream") holds exactly its compressed
 * bytes; otherwise undefined. */
export function writtenStream(pdf: Buffer, objectNumber: number, raw: Uint8Array): Buffer | undefined {
  const stream = byPdf.get(pdf)?.get(objectNumber);
  const length = stream?.deflated.byteLength ?? 0;
  if (!stream || raw.byteLength < length || !Buffer.from(raw.buffer, raw.byteOffset, length).equals(stream.deflated)) return undefined;
  // Read only: a stream of one chunk (most: content-write-shortcut.ts joins a page's text) is not copied.
  const [only] = stream.chunks;
  return stream.chunks.length === 1 ? Buffer.from(only.buffer, only.byteOffset, only.byteLength) : Buffer.concat(stream.chunks);
}
