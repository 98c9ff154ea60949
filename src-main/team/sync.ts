// Two-way sync with the team server. Each record's server version and local content hash at its last
// sync tell what changed where: changed here only -> pushed; changed there only -> pulled (as a package
// import would take theirs); changed on both sides to different content -> a conflict kept for the
// consultant; the same content on both sides -> nothing to do. Every batch is one server transaction
// and one local transaction; a run killed anywhere leaves records either synced or still queued, and
// the next run sends or recognises them, so nothing is lost or doubled. Deletions (tombstones.ts) and
// records that fail validation (screen-records.ts) follow the same rules.
import type { AssessmentPart, ClientPart, PackageContent } from '../core/package-records';
import type { ConflictChange, QuarantinedRecord, SyncCounts } from '../core/team-sync';
export type { SyncCounts } from '../core/team-sync';
import type { Db } from '../db/database';
import { findStoredGuide, storeGuide } from '../db/guides-repo';
import { readAssessmentPart } from '../db/package-repo';
import {
  forgetSynced,
  keepQuarantined,
  listConflicts,
  listLocalIds,
  listQuarantine,
  listSyncedRecords,
  markSynced,
  quarantine,
  recordLastSync,
  releaseFromQuarantine,
  removeConflict,
  storeConflict,
  type SyncedKind,
} from '../db/team-sync-repo';
import { parseGuide } from '../guides/parse-guide';
import { contentSha256 } from '../transfer/canonical';
import { applyPlan, type ImportChoices } from '../transfer/package-import';
import { planImport } from '../transfer/package-plan';
import { screenRecords } from './screen-records';
import { fetchGuides, fetchRecords, pushBatch, serverVersions, type OutgoingBatch, type OutgoingDeletion, type ServerRecord, type ServerVersion } from './server-store';
import { chunks, partTitle, quarantineEntry, readPart, type LocalWrite, type SyncOptions } from './sync-context';
import { pullTemplates, pushTemplates } from './template-sync';
import { applyTombstones, pushDeletions } from './tombstones';

export const defaultSyncBatchSize = 50;

interface Plan {
  push: string[];
  /** Live server records to fetch: new there, or changed there only. */
  pull: string[];
  /** Changed on both sides: fetched and kept beside mine. */
  conflict: string[];
  /** Deleted here, changed on the server since: fetched and kept as a conflict. */
  deletedHere: string[];
  /** Deleted here, unchanged on the server since: sent as tombstones. */
  pushDeletions: OutgoingDeletion[];
  /** Tombstones on the server for records this machine has: deleted here unless changed here. */
  pullDeletions: string[];
  /** Deleted on both sides: only the sync state goes. */
  forget: string[];
  recognised: { id: string; version: number; sha256: string }[];
}

export async function runSync(options: SyncOptions): Promise<SyncCounts> {
  const counts: SyncCounts = {
    pushedClients: 0,
    pushedAssessments: 0,
    pulledClients: 0,
    pulledAssessments: 0,
    pulledGuides: 0,
    recognised: 0,
    raced: 0,
    conflicts: 0,
    pushedDeletions: 0,
    pulledDeletions: 0,
    pulledTemplates: 0,
    pushedTemplates: 0,
    quarantined: 0,
  };
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
  if (options.templateFolders) {
    const templates = await pullTemplates(options.server, options.templateFolders, options.now());
    await local((db) => {
      keepQuarantined(db, 'template', new Set(templates.rejected.map((r) => r.id)));
      for (const entry of templates.rejected) quarantine(db, entry);
    }, false);
    counts.pulledTemplates = templates.written;
  }
  // A client's tombstone is applied after the assessments' ones: a client is deleted only once it has none.
  const clientDeletions: string[] = [];
  // Clients that are tombstones on the server: their assessments are held back (queued) until the client
  // is back there, so that no other laptop fetches an assessment without its client.
  const tombstonedClients = new Set<string>();
  for (const kind of ['client', 'assessment'] as const) {
    const server = await serverVersions(options.server, kind);
    if (kind === 'client') for (const [id, there] of server) if (there.deleted) tombstonedClients.add(id);
    const plan = planKind(options.db(), kind, server);
    if (kind === 'assessment' && tombstonedClients.size > 0) {
      const db = options.db();
      plan.push = plan.push.filter((id) => !tombstonedClients.has(readAssessmentPart(db, id)?.assessment.clientId ?? ''));
    }
    await local((db) => {
      for (const record of plan.recognised) {
        markSynced(db, { kind, recordId: record.id, serverVersion: record.version, localSha256: record.sha256 }, options.now());
        removeConflict(db, kind, record.id);
      }
      for (const id of plan.forget) {
        forgetSynced(db, kind, id);
        removeConflict(db, kind, id);
      }
      // Set aside earlier and fetched again now; the others were fixed or removed on the server.
      keepQuarantined(db, kind, new Set([...plan.pull, ...plan.conflict, ...plan.deletedHere]));
    }, false);
    counts.recognised += plan.recognised.length;
    for (const ids of chunks(plan.push, options.batchSize)) {
      const pushed = await pushRecords(options, kind, ids, server, ++batches.push, local);
      if (kind === 'client') for (const id of pushed) tombstonedClients.delete(id);
      counts[kind === 'client' ? 'pushedClients' : 'pushedAssessments'] += pushed.size;
      counts.raced += ids.length - pushed.size;
      await options.afterBatch?.('push', batches.push);
    }
    for (const deletions of chunks(plan.pushDeletions, options.batchSize)) {
      const pushed = await pushDeletions(options, kind, deletions, ++batches.push, local);
      counts.pushedDeletions += pushed;
      counts.raced += deletions.length - pushed;
      await options.afterBatch?.('push', batches.push);
    }
    const conflicting = new Set(plan.conflict);
    const deletedHere = new Set(plan.deletedHere);
    for (const ids of chunks([...plan.pull, ...plan.conflict, ...plan.deletedHere], options.batchSize)) {
      const result = await pullRecords(options, kind, ids, conflicting, deletedHere, local);
      counts[kind === 'client' ? 'pulledClients' : 'pulledAssessments'] += result.pulled;
      await options.afterBatch?.('pull', ++batches.pull);
    }
    if (kind === 'client') clientDeletions.push(...plan.pullDeletions);
    else counts.pulledDeletions += await applyTombstones(options, 'assessment', plan.pullDeletions, local);
  }
  counts.pulledDeletions += await applyTombstones(options, 'client', clientDeletions, local);
  if (options.templateFolders) counts.pushedTemplates = await pushTemplates(options.server, options.deviceId, options.templateFolders);
  const db = options.db();
  counts.conflicts = listConflicts(db).length;
  counts.quarantined = listQuarantine(db).length;
  await local((db) => recordLastSync(db, options.now()), false);
  return counts;
}

type ServerVersions = Map<string, ServerVersion>;

/** Sorts every record of one kind, here or on the server, into what to send, fetch, delete or ask about. */
function planKind(db: Db, kind: SyncedKind, server: ServerVersions): Plan {
  const synced = listSyncedRecords(db, kind);
  const open = new Map(listConflicts(db).filter((c) => c.kind === kind).map((c) => [c.recordId, c]));
  const plan: Plan = { push: [], pull: [], conflict: [], deletedHere: [], pushDeletions: [], pullDeletions: [], forget: [], recognised: [] };
  const localIds = listLocalIds(db, kind);
  for (const id of localIds) {
    const base = synced.get(id);
    const there = server.get(id);
    const conflict = open.get(id);
    const sha256 = contentSha256(readPart(db, kind, id));
    if (there && !there.deleted && there.sha256 === sha256) {
      if (conflict || !base || base.serverVersion !== there.version || base.localSha256 !== sha256) plan.recognised.push({ id, version: there.version, sha256 });
      continue;
    }
    if (conflict) {
      // Waiting for the consultant; fetched again only when the server has moved on since.
      if (there && there.version !== conflict.serverVersion) (there.deleted ? plan.pullDeletions : plan.conflict).push(id);
      continue;
    }
    const changedHere = !base || base.localSha256 !== sha256;
    if (!there) {
      plan.push.push(id);
      continue;
    }
    const changedThere = !base || base.serverVersion !== there.version;
    if (there.deleted) {
      // Whether it also changed here is decided when the tombstone is applied (the app may be open beside).
      if (changedThere) plan.pullDeletions.push(id);
      else if (changedHere) plan.push.push(id);
      continue;
    }
    if (changedHere && changedThere) plan.conflict.push(id);
    else if (changedHere) plan.push.push(id);
    else if (changedThere) plan.pull.push(id);
  }
  const here = new Set(localIds);
  for (const [id, there] of server) {
    if (here.has(id)) continue;
    const base = synced.get(id);
    if (!base) {
      if (!there.deleted) plan.pull.push(id);
      continue;
    }
    // Synced before and deleted here since.
    if (there.deleted) plan.forget.push(id);
    else if (open.has(id)) {
      if (there.version !== open.get(id)!.serverVersion) plan.deletedHere.push(id);
    } else if (base.serverVersion === there.version) plan.pushDeletions.push({ id, expectedVersion: there.version });
    else plan.deletedHere.push(id);
  }
  return plan;
}

async function pullGuides(options: SyncOptions, local: LocalWrite): Promise<number> {
  const missing = (await fetchGuides(options.server)).filter((guide) => !options.guides().get(guide.id, guide.version));
  const valid: typeof missing = [];
  const rejected: QuarantinedRecord[] = [];
  for (const guide of missing) {
    const key = `${guide.id} ${guide.version}`;
    const parsed = parseGuide(guide.content, `team server guide ${key}`);
    if (parsed.ok) valid.push(guide);
    else rejected.push(quarantineEntry('guide', key, null, 'invalidGuide', `${parsed.problems[0].path} ${parsed.problems[0].message}`.trim(), options.now()));
  }
  await local((db) => {
    keepQuarantined(db, 'guide', new Set(rejected.map((r) => r.id)));
    for (const entry of rejected) quarantine(db, entry);
  }, false);
  if (valid.length === 0) return 0;
  await local((db) => {
    for (const guide of valid) storeGuide(db, guide, options.now());
  });
  await options.reloadGuides();
  return valid.length;
}

/** Sends one batch; returns the ids the server took (the others lost a race). */
async function pushRecords(options: SyncOptions, kind: SyncedKind, ids: string[], server: ServerVersions, batchNumber: number, local: LocalWrite): Promise<Set<string>> {
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
  return new Set(written.keys());
}

async function pullRecords(
  options: SyncOptions,
  kind: SyncedKind,
  ids: string[],
  conflicting: Set<string>,
  deletedHere: Set<string>,
  local: LocalWrite,
): Promise<{ pulled: number }> {
  // A tombstone met here is left to applyTombstones (planned before the server changed again).
  const fetched = (await fetchRecords(options.server, kind, ids)).filter((record) => !record.deleted);
  let clientRecords: ServerRecord[] = [];
  if (kind === 'assessment') {
    const clientIds = [...new Set(fetched.map((r) => (r.record as AssessmentPart | null)?.assessment?.clientId))].filter((id) => typeof id === 'string');
    clientRecords = (await fetchRecords(options.server, 'client', clientIds)).filter((record) => !record.deleted);
  }
  const { content: screened, valid: records, rejected } = await screenRecords(options, kind, fetched, clientRecords);
  const byId = new Map(records.map((record) => [record.id, record]));
  // Deleted here: kept as a conflict, not imported as new.
  const content: PackageContent =
    kind === 'client'
      ? { ...screened, clients: screened.clients.filter((c) => !deletedHere.has(c.client.id)) }
      : { ...screened, assessments: screened.assessments.filter((a) => !deletedHere.has(a.assessment.id)) };
  return local((db) => {
    const now = options.now();
    for (const entry of rejected) quarantine(db, entry);
    const synced = listSyncedRecords(db, kind);
    const plan = planImport(db, options.guides(), content);
    const choices: ImportChoices = { clients: {}, assessments: {}, installGuides: true };
    const conflicts: { id: string; title: string; change: ConflictChange }[] = [];
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
        if (kind === 'client') conflicts.push({ id: preview.id, title: preview.name, change: 'edited' });
      }
    }
    for (const { preview } of plan.assessments) {
      if (preview.status !== 'conflict') continue;
      if (take(preview.id, preview.takeTheirsBlocked)) choices.assessments[preview.id] = 'takeTheirs';
      else {
        choices.assessments[preview.id] = 'keepMine';
        conflicts.push({ id: preview.id, title: preview.incoming.title, change: 'edited' });
      }
    }
    for (const id of deletedHere) {
      const part = kind === 'client' ? screened.clients.find((c) => c.client.id === id) : screened.assessments.find((a) => a.assessment.id === id);
      if (part && byId.has(id)) conflicts.push({ id, title: partTitle(kind, part), change: 'deletedHere' });
    }
    applyPlan(db, plan, choices, now, () => {
      throw new Error('sync never makes copies while pulling');
    });
    const open = new Set(conflicts.map((c) => c.id));
    for (const conflict of conflicts) {
      const record = byId.get(conflict.id)!;
      const part = kind === 'client' ? screened.clients.find((c) => c.client.id === conflict.id)! : screened.assessments.find((a) => a.assessment.id === conflict.id)!;
      const clientPart = kind === 'assessment' ? screened.clients.find((c) => c.client.id === (part as AssessmentPart).assessment.clientId) : undefined;
      const body: Pick<PackageContent, 'clients' | 'assessments'> = kind === 'client' ? { clients: [part as ClientPart], assessments: [] } : { clients: clientPart ? [clientPart] : [], assessments: [part as AssessmentPart] };
      storeConflict(db, {
        kind,
        recordId: conflict.id,
        title: conflict.title,
        change: conflict.change,
        serverVersion: record.version,
        serverRecord: JSON.stringify(body),
        serverUpdatedBy: record.updatedBy,
        serverUpdatedAt: record.updatedAt,
        detectedAt: now,
      });
      releaseFromQuarantine(db, kind, conflict.id);
    }
    let pulled = 0;
    for (const record of records) {
      if (open.has(record.id)) continue;
      releaseFromQuarantine(db, kind, record.id);
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
