// Reads the text of a JSON data file (a guide, a report template) as one object: size limit, byte-order mark, syntax errors with line and column.
import { findJsonSyntaxError } from './json-syntax';

export type JsonObjectRead = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

/** `what` names the file's kind in the messages, e.g. "a guide"; `maxBytes` is a whole number of megabytes. */
export function readJsonObject(text: string, what: string, maxBytes: number): JsonObjectRead {
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    return { ok: false, message: `the file is larger than ${maxBytes / 1024 / 1024} MB, too large for ${what}` };
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;

  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const found = findJsonSyntaxError(json);
    return {
      ok: false,
      message: found ? `invalid JSON at line ${found.line}, column ${found.column}: ${found.message}` : `invalid JSON: ${(error as Error).message}`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: `${what} must be a JSON object ({ ... }), not ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`}` };
  }
  return { ok: true, data: data as Record<string, unknown> };
}
