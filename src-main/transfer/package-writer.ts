// Writes assessments as a package: their records read from the database, the guides they use, a
// manifest with a SHA-256 per part, zipped, and encrypted when a passphrase is given.
import { zipSync, type Zippable } from 'fflate';
import { AppError } from '../core/errors';
import type { Guide } from '../core/guide';
import type { AssessmentPart, ClientPart, PackageContent, PackagedGuide } from '../core/package-records';
import type { Db } from '../db/database';
import { findStoredGuide } from '../db/guides-repo';
import { readAssessmentPart, readClientPart } from '../db/package-repo';
import { encryptPackage } from './encryption';
import { bytesSha256, currentPackageVersion, manifestPath, packageFormat, partPath, type ManifestV1, type PartKind } from './package-format';

export interface PackageSource {
  db: Db;
  guide(id: string, version: string): Guide | undefined;
  appVersion: string;
}

export function collectPackage(source: PackageSource, assessmentIds: readonly string[], createdAt: string): PackageContent {
  const { db } = source;
  const assessments: AssessmentPart[] = [];
  const clients = new Map<string, ClientPart>();
  const guides = new Map<string, PackagedGuide>();
  for (const id of new Set(assessmentIds)) {
    const part = readAssessmentPart(db, id);
    if (!part) throw new AppError('not_found', `There is no assessment with the id ${id}.`);
    assessments.push(part);
    const { clientId, guideId, guideVersion } = part.assessment;
    if (!clients.has(clientId)) clients.set(clientId, readClientPart(db, clientId)!);
    const key = `${guideId}@${guideVersion}`;
    if (!guides.has(key)) guides.set(key, packagedGuide(source, guideId, guideVersion));
  }
  return {
    createdAt,
    createdBy: { app: 'Kartlegg', version: source.appVersion },
    guides: [...guides.values()],
    clients: [...clients.values()],
    assessments,
  };
}

/** The guide's own file text when it was imported; a built-in guide as JSON of what was loaded. */
function packagedGuide(source: PackageSource, id: string, version: string): PackagedGuide {
  const stored = findStoredGuide(source.db, id, version);
  if (stored) return { id, version, content: stored.content };
  const guide = source.guide(id, version);
  if (!guide) throw new AppError('not_found', `The guide "${id}" version ${version} is not installed, so it cannot go into the package.`);
  return { id, version, content: `${JSON.stringify(guide, null, 2)}\n` };
}

const encoder = new TextEncoder();

/** The zip file (unencrypted). Entry times are the package's own time, so the same content gives the same bytes. */
export function zipPackage(content: PackageContent): Uint8Array {
  const entries: { kind: PartKind; path: string; bytes: Uint8Array }[] = [];
  const add = (kind: PartKind, list: readonly unknown[], text: (value: never) => string) =>
    list.forEach((value, index) => entries.push({ kind, path: partPath(kind, index), bytes: encoder.encode(text(value as never)) }));
  add('guide', content.guides, (guide: PackagedGuide) => guide.content);
  add('client', content.clients, (client: ClientPart) => JSON.stringify(client));
  add('assessment', content.assessments, (assessment: AssessmentPart) => JSON.stringify(assessment));

  const manifest: ManifestV1 = {
    format: packageFormat,
    formatVersion: currentPackageVersion,
    createdAt: content.createdAt,
    createdBy: content.createdBy,
    parts: entries.map(({ kind, path, bytes }) => ({ path, kind, sha256: bytesSha256(bytes), bytes: bytes.length })),
  };
  const mtime = new Date(content.createdAt);
  const files: Zippable = { [manifestPath]: [encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }] };
  for (const { path, bytes } of entries) files[path] = [bytes, { mtime }];
  return zipSync(files, { level: 6 });
}

export async function writePackage(content: PackageContent, passphrase?: string): Promise<Uint8Array> {
  const zipped = zipPackage(content);
  return passphrase ? encryptPackage(zipped, passphrase) : zipped;
}
