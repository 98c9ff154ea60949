// Two-way sync with the team server. Each record's server version and local content hash at its last
// sync tell what changed where: changed here only -> pushed; changed there only -> pulled (as a package
// import would take theirs); changed on both sides to different content -> a conflict kept for the
// consultant; the same content on both sides -> nothing to do. Every batch is one server transaction
// and one local transaction; a run killed anywhere leaves records either synced or still queued, and
// the next run sends or recognises them, so nothing is lost or doubled.
import type { ClientBase } from 'pg';
import type { AssessmentPart, ClientPart, PackageContent, PackagedGuide } from '../core/package-records';
import type { SyncCounts } from '../core/team-sync';
export type { SyncCounts } from '../core/team-sync';
import type { Db } from '../db/database';
import { findStoredGuide, storeGuide } from '../db/guides-repo';
import { readAssessmentPart, readClientPart } from '../db/package-repo';
import {
  listConflicts,
  listLocalIds,
  listSyncedRecords,
  markSynced,
  recordLastSync,
  removeConflict,
  storeConflict,
  type SyncedKind,
} from '../db/team-sync-repo';
import { parseGuide } from '../guides/parse-guide';
import { contentSha256 } from '../transfer/canonical';
import { applyPlan, type ImportChoices } from '../transfer/package-import';
import { planImport, type GuideLookup } from '../transfer/package-plan';
import { readPackage } from '../transfer/package-reader';
import { zipPackage } from '../transfer/package-writer';
import { fetchGuides, fetchRecords, pushBatch, serverVersions, type OutgoingBatch, type ServerRecord } from './server-store';

export const defaultSyncBatchSize = 50;

export interface SyncOptions {
  db: () => Db;
  guides: () => GuideLookup;
  reloadGuides: () => Promise<void>;
  server: ClientBase;
  deviceId: string;
  appVersion: string;
  batchSize: number;
  now: () => string;
  /** Called once before the first local write of fetched records in this run (the handler takes a backup there). */
  beforeLocalWrite: () => Promise<void>;
  /** Called after each batch is committed on both sides (tests pause here to kill the process). */
  afterBatch?: (phase: 'push' | 'pull', batch: number) => Promise<void>;
  /** Called between the server's commit of a pushed batch and the local record of it. */
  afterServerCommit?: (batch: number) => Promise<void>;
}

type LocalWrite = <T>(write: (db: Db) => T, changesRecords?: boolean) => Promise<T>;

interface Plan {
  push: string[];
  pull: string[];
  conflict: string[];
  recognised: { id: string; version: number; sha256: string }[];
}

type Part<K extends SyncedKind> = K extends 'client' ? ClientPart : AssessmentPart;

function readPart<K extends SyncedKind>(db: Db, kind: K, id: string): Part<K> | undefined {
  return (kind === 'client' ? readClientPart(db, id) : readAssessmentPart(db, id)) as Part<K> | undefined;
}

export function partTitle(kind: SyncedKind, part: ClientPart | AssessmentPart): string {
  return kind === 'client' ? (part as ClientPart).client.name : (part as AssessmentPart).assessment.title;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function runSync(options: SyncOptions): Promise<SyncCounts> {
  const counts: SyncCounts = { pushedClients: 0, pushedAssessments: 0, pulledClients: 0, pulledAssessments: 0, pulledGuides: 0, recognised: 0, raced: 0, conflicts: 0 };
  let backedUp = false;
  /** One local transaction; `changesRecords` when it writes fetched records (a backup is taken first, once
   * per run), not when it only notes what was synced. */
  const local: LocalWrite = async (write, changesRecords = true) => {
    if (changesRecords && !backedUp) {
      backedUp = true;
      await options.beforeLocalWrite();
    }
    const db = options.db();
    return db.transaction(() => write(db))();
  };
  const batches = { push: 0, pull: 0 };

  counts.pulledGuides = await pullGuides(options, local);
  for (const kind of ['client', 'assessment'] as const) {
    const server = await serverVersions(options.server, kind);
    const plan = planKind(options.db(), kind, server);
    if (plan.recognised.length > 0) {
      await local((db) => {
        for (const record of plan.recognised) {
          markSynced(db, { kind, recordId: record.id, serverVersion: record.version, localSha256: record.sha256 }, options.now());
          removeConflict(db, kind, record.id);
        }
      }, false);
      counts.recognised += plan.recognised.length;
    }
    for (const ids of chunks(plan.push, options.batchSize)) {
      const pushed = await pushRecords(options, kind, ids, server, ++batches.push, local);
      counts[kind === 'client' ? 'pushedClients' : 'pushedAssessments'] += pushed;
      counts.raced += ids.length - pushed;
      await options.afterBatch?.('push', batches.push);
    }
    for (const ids of chunks([...plan.pull, ...plan.conflict], options.batchSize)) {
      const conflicting = new Set(plan.conflict);
      const result = await pullRecords(options, kind, ids, conflicting, local);
      counts[kind === 'client' ? 'pulledClients' : 'pulledAssessments'] += result.pulled;
      await options.afterBatch?.('pull', ++batches.pull);
    }
  }
  counts.conflicts = listConflicts(options.db()).length;
  await local((db) => recordLastSync(db, options.now()), false);
  return counts;
}

/** Sorts every record of one kind, here or on the server, into what to send, fetch, or ask about. */
function planKind(db: Db, kind: SyncedKind, server: Map<string, { version: number; sha256: string }>): Plan {
  const synced = listSyncedRecords(db, kind);
  const open = new Map(listConflicts(db).filter((c) => c.kind === kind).map((c) => [c.recordId, c]));
  const plan: Plan = { push: [], pull: [], conflict: [], recognised: [] };
  const localIds = listLocalIds(db, kind);
  for (const id of localIds) {
    const base = synced.get(id);
    const there = server.get(id);
    const conflict = open.get(id);
    const sha256 = contentSha256(readPart(db, kind, id));
    if (there && there.sha256 === sha256) {
      if (conflict || !base || base.serverVersion !== there.version || base.localSha256 !== sha256) plan.recognised.push({ id, version: there.version, sha256 });
      continue;
    }
    if (conflict) {
      // Waiting for the consultant; fetched again only when the server has moved on since.
      if (there && there.version !== conflict.serverVersion) plan.conflict.push(id);
      continue;
    }
    const changedHere = !base || base.localSha256 !== sha256;
    if (!there) {
      if (changedHere || !base) plan.push.push(id);
      continue;
    }
    const changedThere = !base || base.serverVersion !== there.version;
    if (changedHere && changedThere) plan.conflict.push(id);
    else if (changedHere) plan.push.push(id);
    else if (changedThere) plan.pull.push(id);
  }
  const here = new Set(localIds);
  // A record synced before and since removed here stays removed here: sync does not bring deletions back.
  for (const id of server.keys()) if (!here.has(id) && !synced.has(id)) plan.pull.push(id);
  return plan;
}

async function pullGuides(options: SyncOptions, local: LocalWrite): Promise<number> {
  const missing = (await fetchGuides(options.server)).filter((guide) => !options.guides().get(guide.id, guide.version));
  const valid = missing.filter((guide) => parseGuide(guide.content, `team server guide ${guide.id} ${guide.version}`).ok);
  if (valid.length === 0) return 0;
  await local((db) => {
    for (const guide of valid) storeGuide(db, guide, options.now());
  });
  await options.reloadGuides();
  return valid.length;
}

async function pushRecords(
  options: SyncOptions,
  kind: SyncedKind,
  ids: string[],
  server: Map<string, { version: number; sha256: string }>,
  batchNumber: number,
  local: LocalWrite,
): Promise<number> {
  const db = options.db();
  const synced = listSyncedRecords(db, kind);
  const batch: OutgoingBatch = { guides: [], clients: [], assessments: [] };
  const shas = new Map<string, string>();
  for (const id of ids) {
    const part = readPart(db, kind, id);
    if (!part) continue;
    const sha256 = contentSha256(part);
    shas.set(id, sha256);
    // An insert for a record the server has never had; else an update from the version last seen.
    const expectedVersion = server.has(id) ? (synced.get(id)?.serverVersion ?? -1) : null;
    if (kind === 'client') batch.clients.push({ part: part as ClientPart, sha256, expectedVersion });
    else {
      const assessment = part as AssessmentPart;
      batch.assessments.push({ part: assessment, sha256, expectedVersion });
      const { guideId, guideVersion } = assessment.assessment;
      // Imported guides travel with the assessments; built-in ones every Kartlegg has.
      const stored = findStoredGuide(db, guideId, guideVersion);
      if (stored && !batch.guides.some((g) => g.id === stored.id && g.version === stored.version)) batch.guides.push(stored);
    }
  }
  const result = await pushBatch(options.server, options.deviceId, batch);
  await options.afterServerCommit?.(batchNumber);
  const written = kind === 'client' ? result.clients : result.assessments;
  await local((db) => {
    for (const [id, version] of written) markSynced(db, { kind, recordId: id, serverVersion: version, localSha256: shas.get(id)! }, options.now());
  }, false);
  return written.size;
}

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

async function pullRecords(
  options: SyncOptions,
  kind: SyncedKind,
  ids: string[],
  conflicting: Set<string>,
  local: LocalWrite,
): Promise<{ pulled: number }> {
  const records = await fetchRecords(options.server, kind, ids);
  let clientRecords: ServerRecord[] = kind === 'client' ? records : [];
  if (kind === 'assessment') {
    const clientIds = [...new Set(records.map((r) => (r.record as AssessmentPart).assessment?.clientId))].filter((id) => typeof id === 'string');
    clientRecords = await fetchRecords(options.server, 'client', clientIds);
  }
  const content = await serverContent(
    { ...options, serverGuides: () => fetchGuides(options.server) },
    clientRecords.map((r) => r.record),
    kind === 'assessment' ? records.map((r) => r.record) : [],
  );
  const byId = new Map(records.map((record) => [record.id, record]));
  return local((db) => {
    const synced = listSyncedRecords(db, kind);
    const plan = planImport(db, options.guides(), content);
    const choices: ImportChoices = { clients: {}, assessments: {}, installGuides: true };
    const conflicts: { id: string; title: string }[] = [];
    const take = (id: string, blocked: unknown) => {
      const base = synced.get(id);
      const part = readPart(db, kind, id);
      // Changed here since this run looked (the app is open beside the sync), or changed on both sides.
      const changedHere = part !== undefined && (!base || base.localSha256 !== contentSha256(part));
      if (conflicting.has(id) || changedHere || blocked) return false;
      return true;
    };
    for (const { preview } of plan.clients) {
      if (preview.status !== 'conflict') continue;
      if (kind === 'client' && take(preview.id, preview.takeTheirsBlocked)) choices.clients[preview.id] = 'takeTheirs';
      else {
        choices.clients[preview.id] = 'keepMine';
        if (kind === 'client') conflicts.push({ id: preview.id, title: preview.name });
      }
    }
    for (const { preview } of plan.assessments) {
      if (preview.status !== 'conflict') continue;
      if (take(preview.id, preview.takeTheirsBlocked)) choices.assessments[preview.id] = 'takeTheirs';
      else {
        choices.assessments[preview.id] = 'keepMine';
        conflicts.push({ id: preview.id, title: preview.incoming.title });
      }
    }
    applyPlan(db, plan, choices, options.now(), () => {
      throw new Error('sync never makes copies while pulling');
    });
    const now = options.now();
    const open = new Set(conflicts.map((c) => c.id));
    for (const conflict of conflicts) {
      const record = byId.get(conflict.id)!;
      const part = kind === 'client' ? content.clients.find((c) => c.client.id === conflict.id)! : content.assessments.find((a) => a.assessment.id === conflict.id)!;
      const clientPart = kind === 'assessment' ? content.clients.find((c) => c.client.id === (part as AssessmentPart).assessment.clientId) : undefined;
      const body: Pick<PackageContent, 'clients' | 'assessments'> = kind === 'client' ? { clients: [part as ClientPart], assessments: [] } : { clients: clientPart ? [clientPart] : [], assessments: [part as AssessmentPart] };
      storeConflict(db, {
        kind,
        recordId: conflict.id,
        title: conflict.title,
        serverVersion: record.version,
        serverRecord: JSON.stringify(body),
        serverUpdatedBy: record.updatedBy,
        serverUpdatedAt: record.updatedAt,
        detectedAt: now,
      });
    }
    let pulled = 0;
    for (const record of records) {
      if (open.has(record.id)) continue;
      const part = readPart(db, kind, record.id);
      // Matched to a client here by organisation number: that one is this machine's own record.
      if (!part) continue;
      markSynced(db, { kind, recordId: record.id, serverVersion: record.version, localSha256: contentSha256(part) }, now);
      removeConflict(db, kind, record.id);
      pulled++;
    }
    return { pulled };
  });
}
