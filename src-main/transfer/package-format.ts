// The package file format's constants and its manifest (docs/package-format.md): what the versions are,
// where the parts live, and the caps every reader applies.
import { z } from 'zod';
import type { ZipLimits } from './zip-reader';

export const packageFormat = 'kartlegg-package';
export const currentPackageVersion = 1;
/** The oldest format version this Kartlegg can upgrade. */
export const oldestPackageVersion = 0;
export const packageFileExtension = '.kartlegg';

/** Packages travel through the API as base64; the browser mode's request limit (20 MB) allows about 14 MB. */
export const maxPackageBytes = 25 * 1024 * 1024;

export const packageZipLimits: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export const manifestPath = 'manifest.json';

export const partKinds = ['guide', 'client', 'assessment'] as const;
export type PartKind = (typeof partKinds)[number];

const folderOf: Record<PartKind, string> = { guide: 'guides', client: 'clients', assessment: 'assessments' };

export function partPath(kind: PartKind, index: number): string {
  return `${folderOf[kind]}/${index + 1}.json`;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: 'not a SHA-256 in hex' });

export const manifestV1 = z
  .object({
    format: z.literal(packageFormat),
    formatVersion: z.literal(1),
    createdAt: z.string().max(40),
    createdBy: z.object({ app: z.string().max(100), version: z.string().max(40) }).strict(),
    parts: z
      .array(
        z
          .object({
            path: z.string().regex(/^(guides|clients|assessments)\/[1-9]\d{0,4}\.json$/, { message: 'not a part path of format 1' }),
            kind: z.enum(partKinds),
            sha256: sha256Hex,
            bytes: z.number().int().min(0).max(packageZipLimits.maxEntryBytes),
          })
          .strict()
          .refine((part) => part.path.startsWith(`${folderOf[part.kind]}/`), { message: 'the path does not match the kind' }),
      )
      .max(packageZipLimits.maxEntries - 1),
  })
  .strict();

export type ManifestV1 = z.infer<typeof manifestV1>;

/** Just enough of any manifest to tell which format version it is before reading it fully. */
export const manifestHead = z.object({ format: z.literal(packageFormat), formatVersion: z.number().int().min(0) }).loose();

export { sha256 as bytesSha256 } from '../db/sha256';
