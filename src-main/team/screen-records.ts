// Reads fetched server records through the package reader, as a package file from elsewhere is read,
// one batch at a time; a record that fails is set aside with its reason (quarantined) instead of
// stopping the sync.
import type { AssessmentPart, ClientPart, PackageContent, PackagedGuide } from '../core/package-records';
import type { QuarantinedRecord, SyncedKind } from '../core/team-sync';
import { currentPackageVersion } from '../transfer/package-format';
import { planImport, type GuideLookup } from '../transfer/package-plan';
import { readPackage } from '../transfer/package-reader';
import { zipPackage } from '../transfer/package-writer';
import { fetchGuides, type ServerRecord } from './server-store';
import { quarantineEntry, type SyncOptions } from './sync-context';

/** The server's records as a package's content, read back through the package reader: the same checks
 * (shapes, limits, ids, references, guides) as a package file from elsewhere. */
export interface ContentSource {
  now: () => string;
  appVersion: string;
  guides: () => GuideLookup;
  /** The server's guides, asked only when a record uses a guide that is not installed here. */
  serverGuides: () => Promise<PackagedGuide[]>;
}

export async function serverContent(source: ContentSource, clients: unknown[], assessments: unknown[]): Promise<PackageContent> {
  const options = source;
  const needed = (assessments as AssessmentPart[]).filter((part) => !options.guides().get(part.assessment?.guideId, part.assessment?.guideVersion));
  const guides = needed.length > 0 ? await options.serverGuides() : [];
  const content = {
    createdAt: options.now(),
    createdBy: { app: 'Kartlegg team server', version: options.appVersion },
    guides: guides.filter((g) => needed.some((part) => part.assessment.guideId === g.id && part.assessment.guideVersion === g.version)),
    clients: clients as ClientPart[],
    assessments: assessments as AssessmentPart[],
  };
  return (await readPackage(zipPackage(content))).content;
}

/** Why a record that failed the package reader's checks is set aside: not a record at all, or an invalid one. */
function rejection(kind: SyncedKind, record: ServerRecord, error: unknown, now: string): QuarantinedRecord {
  const detail = error instanceof Error ? error.message : String(error);
  const value = record.record as Record<string, unknown> | null;
  const shaped = typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value[kind] === 'object' && value[kind] !== null;
  return quarantineEntry(kind, record.id, record.version, shaped ? 'invalidRecord' : 'notARecord', detail, now);
}

export interface Screened {
  content: PackageContent;
  valid: ServerRecord[];
  rejected: QuarantinedRecord[];
}

/** Reads fetched records through the package reader; a record that fails is set aside with its reason, so
 * that one bad record never blocks the others. The whole batch is read at once, one by one only on failure. */
export async function screenRecords(options: SyncOptions, kind: SyncedKind, records: ServerRecord[], clients: ServerRecord[]): Promise<Screened> {
  const now = options.now();
  const rejected: QuarantinedRecord[] = [];
  const readable = (list: ServerRecord[]) =>
    list.filter((record) => {
      if (record.formatVersion <= currentPackageVersion) return true;
      const detail = `written in package format ${record.formatVersion} by a newer Kartlegg; this version reads up to format ${currentPackageVersion}`;
      if (list === records) rejected.push(quarantineEntry(kind, record.id, record.version, 'newerFormat', detail, now));
      return false;
    });
  const candidates = readable(records);
  const usableClients = readable(clients);
  const source = { ...options, serverGuides: () => fetchGuides(options.server) };
  const read = async (list: ServerRecord[]) => {
    const clientIds = new Set(list.map((r) => (r.record as AssessmentPart).assessment?.clientId));
    const content =
      kind === 'client'
        ? await serverContent(source, list.map((r) => r.record), [])
        : await serverContent(source, usableClients.filter((c) => clientIds.has(c.id)).map((c) => c.record), list.map((r) => r.record));
    // The import's own checks too (the guide installed, answers that fit it): planning reads, it writes nothing.
    planImport(options.db(), options.guides(), content);
    return content;
  };
  try {
    return { content: await read(candidates), valid: candidates, rejected };
  } catch {
    // Some record in the batch is bad: find which.
  }
  const valid: ServerRecord[] = [];
  for (const record of candidates) {
    try {
      await read([record]);
      valid.push(record);
    } catch (error) {
      rejected.push(rejection(kind, record, error, now));
    }
  }
  return { content: await read(valid), valid, rejected };
}
