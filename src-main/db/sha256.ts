import { createHash } from 'node:crypto';

/** The SHA-256 of `data` (a text as its UTF-8 bytes), in hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
