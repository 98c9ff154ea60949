// Deletions through the team server: sending this machine's deletions as tombstones, and applying the
// server's tombstones here, never silently over a change made here and never to an issued revision.
import type { SyncedKind } from '../core/team-sync';
import type { Db } from '../db/database';
import { deleteAssessment } from '../db/assessments-repo';
import { countAssessmentsUsing, deleteClient } from '../db/clients-repo';
import { readAssessmentPart } from '../db/package-repo';
import { forgetSynced, listConflicts, listSyncedRecords, releaseFromQuarantine, removeConflict, storeConflict } from '../db/team-sync-repo';
import { contentSha256 } from '../transfer/canonical';
import { fetchRecords, pushBatch, type OutgoingDeletion } from './server-store';
import { chunks, partTitle, readPart, type LocalWrite, type SyncOptions } from './sync-context';

/** Sends deletions made here as tombstones; once the server has one, nothing of the record is left to sync. */
export async function pushDeletions(options: SyncOptions, kind: SyncedKind, deletions: OutgoingDeletion[], batchNumber: number, local: LocalWrite): Promise<number> {
  const result = await pushBatch(options.server, options.deviceId, { guides: [], clients: [], assessments: [], deletions: { kind, records: deletions } });
  await options.afterServerCommit?.(batchNumber);
  await local((db) => {
    for (const id of result.deletions.keys()) forgetSynced(db, kind, id);
  }, false);
  return result.deletions.size;
}

/** Why a record cannot be deleted here, or null: an issued revision is never deleted, a client in use neither. */
export function deletionBlocked(db: Db, kind: SyncedKind, id: string): string | null {
  if (kind === 'assessment') return (readAssessmentPart(db, id)?.revisions.length ?? 0) > 0 ? 'issuedRevision' : null;
  return countAssessmentsUsing(db, 'client_id', id) > 0 ? 'clientInUse' : null;
}

export function deleteLocally(db: Db, kind: SyncedKind, id: string): void {
  if (kind === 'assessment') deleteAssessment(db, id);
  else deleteClient(db, id);
  forgetSynced(db, kind, id);
}

/** Applies the server's tombstones: a record unchanged here since its last sync is deleted here; one
 * changed here (or one that cannot be deleted here) becomes a conflict, never a silent loss. */
export async function applyTombstones(options: SyncOptions, kind: SyncedKind, ids: string[], local: LocalWrite): Promise<number> {
  let deleted = 0;
  for (const batch of chunks(ids, options.batchSize)) {
    const tombstones = (await fetchRecords(options.server, kind, batch)).filter((record) => record.deleted);
    if (tombstones.length === 0) continue;
    deleted += await local((db) => {
      const synced = listSyncedRecords(db, kind);
      const open = new Set(listConflicts(db).filter((c) => c.kind === kind).map((c) => c.recordId));
      let count = 0;
      for (const tombstone of tombstones) {
        const part = readPart(db, kind, tombstone.id);
        if (!part) {
          forgetSynced(db, kind, tombstone.id);
          removeConflict(db, kind, tombstone.id);
          continue;
        }
        const base = synced.get(tombstone.id);
        const changedHere = open.has(tombstone.id) || !base || base.localSha256 !== contentSha256(part);
        if (!changedHere && deletionBlocked(db, kind, tombstone.id) === null) {
          deleteLocally(db, kind, tombstone.id);
          releaseFromQuarantine(db, kind, tombstone.id);
          count++;
          continue;
        }
        storeConflict(db, {
          kind,
          recordId: tombstone.id,
          title: partTitle(kind, part),
          change: 'deletedThere',
          serverVersion: tombstone.version,
          serverRecord: 'null',
          serverUpdatedBy: tombstone.updatedBy,
          serverUpdatedAt: tombstone.updatedAt,
          detectedAt: options.now(),
        });
      }
      return count;
    });
  }
  return deleted;
}
