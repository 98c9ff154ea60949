// Team sync as the API offers it: settings, status (what is queued, what conflicts), a run over one
// server connection, and the consultant's choice for a conflict, made as in a package import.
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors';
import type { PackageContent } from '../core/package-records';
import type { ConflictSummary } from '../core/team-sync';
import type { Db } from '../db/database';
import { readAssessmentPart, readClientPart } from '../db/package-repo';
import { nowIso } from '../db/rows';
import {
  findConflict,
  listConflicts,
  listLocalIds,
  listSyncedRecords,
  markSynced,
  readTeamServerSettings,
  removeConflict,
  type StoredConflict,
  type SyncedKind,
  type TeamServerSettings,
} from '../db/team-sync-repo';
import { contentSha256 } from '../transfer/canonical';
import { applyPlan, checkChoices, type ImportChoices } from '../transfer/package-import';
import { planImport, type GuideLookup } from '../transfer/package-plan';
import { connectTeamServer } from './connection';
import { teamCredentials } from './credentials';
import { latestTeamSchemaVersion, teamSchemaVersion } from './server-migrations';
import { serverContent } from './screen-records';
import { runSync, type SyncCounts } from './sync';
import { tombstoneSha256 } from './server-store';
import type { TemplateFolders } from './template-sync';
import { testPause } from './test-pause';
import { deleteLocally, deletionBlocked } from './tombstones';

export type ConflictChoice = 'keepMine' | 'takeTheirs' | 'keepBoth';

export function requireTeamSettings(db: Db): TeamServerSettings {
  const settings = readTeamServerSettings(db);
  if (!settings) throw new AppError('bad_request', 'No team server is set up. Set its address and your role first (sync.configure, or "kartlegg sync configure").');
  return settings;
}

/** Records changed here since their last sync (or never synced), and records deleted here since: what the next run will send. */
export function pendingCounts(db: Db): { clients: number; assessments: number; deletions: number } {
  const count = (kind: SyncedKind) => {
    const synced = listSyncedRecords(db, kind);
    const open = new Set(listConflicts(db).filter((c) => c.kind === kind).map((c) => c.recordId));
    return listLocalIds(db, kind).filter((id) => {
      if (open.has(id)) return false;
      const part = kind === 'client' ? readClientPart(db, id) : readAssessmentPart(db, id);
      return synced.get(id)?.localSha256 !== contentSha256(part);
    }).length;
  };
  const deletions = (['client', 'assessment'] as const).reduce((sum, kind) => {
    const here = new Set(listLocalIds(db, kind));
    const open = new Set(listConflicts(db).filter((c) => c.kind === kind).map((c) => c.recordId));
    return sum + [...listSyncedRecords(db, kind).keys()].filter((id) => !here.has(id) && !open.has(id)).length;
  }, 0);
  return { clients: count('client'), assessments: count('assessment'), deletions };
}

export interface SyncRunContext {
  db: () => Db;
  guides: () => GuideLookup;
  reloadGuides: () => Promise<void>;
  version: string;
  backup: () => Promise<unknown>;
  /** Where the report templates are (built in, and this data folder's own). */
  templateFolders: TemplateFolders;
}

export async function syncWithTeamServer(context: SyncRunContext, batchSize: number): Promise<SyncCounts> {
  const settings = requireTeamSettings(context.db());
  const password = teamCredentials().read(settings.role);
  if (password === undefined) throw new AppError('unauthorized', `No password is kept for the role ${settings.role}. Save it in the settings, or give --password-file.`);
  const server = await connectTeamServer(settings, password);
  try {
    const version = await teamSchemaVersion(server);
    if (version === 0) throw new AppError('bad_request', "The team server has no Kartlegg schema yet: the firm's IT sets it up first (docs/team-server.md).");
    if (version > latestTeamSchemaVersion) throw new AppError('conflict', `The team server's schema (version ${version}) is newer than this Kartlegg knows. Update Kartlegg.`);
    if (version < latestTeamSchemaVersion) {
      throw new AppError('conflict', `The team server's schema (version ${version}) is older than this Kartlegg needs (${latestTeamSchemaVersion}): the firm's IT runs "kartlegg sync migrate-server" first.`);
    }
    const member = await server.query('SELECT kartlegg.my_firm() AS firm');
    if (!member.rows[0]?.firm) throw new AppError('forbidden', `The role ${settings.role} is not a member of any firm on the team server; the firm's IT adds it (kartlegg.members).`);
    return await runSync({
      db: context.db,
      guides: context.guides,
      reloadGuides: context.reloadGuides,
      server,
      deviceId: settings.deviceId,
      appVersion: context.version,
      batchSize,
      templateFolders: context.templateFolders,
      now: nowIso,
      beforeLocalWrite: async () => {
        await context.backup();
      },
      afterBatch: (phase, batch) => testPause(phase, batch),
      afterServerCommit: (batch) => testPause('server', batch),
    });
  } finally {
    await server.end().catch(() => {});
  }
}

function conflictPlan(db: Db, guides: GuideLookup, content: PackageContent) {
  return planImport(db, guides, content);
}

async function storedContent(context: SyncRunContext, serverRecord: string): Promise<PackageContent> {
  const body = JSON.parse(serverRecord) as Pick<PackageContent, 'clients' | 'assessments'>;
  // The guides were pulled with the record (or are built in); serverContent re-checks the record's shape.
  return serverContent({ now: nowIso, appVersion: context.version, guides: context.guides, serverGuides: async () => [] }, body.clients, body.assessments);
}

export async function listTeamConflicts(context: SyncRunContext): Promise<ConflictSummary[]> {
  const db = context.db();
  const out: ConflictSummary[] = [];
  for (const conflict of listConflicts(db)) {
    let blocked: string | null = null;
    if (conflict.change === 'deletedThere') blocked = deletionBlocked(db, conflict.kind, conflict.recordId);
    else {
      const plan = conflictPlan(db, context.guides(), await storedContent(context, conflict.serverRecord));
      const preview = conflict.kind === 'client' ? plan.clients.find((c) => c.preview.id === conflict.recordId)?.preview : plan.assessments.find((a) => a.preview.id === conflict.recordId)?.preview;
      blocked = preview?.takeTheirsBlocked?.reason ?? null;
    }
    out.push({
      kind: conflict.kind,
      id: conflict.recordId,
      title: conflict.title,
      change: conflict.change,
      serverUpdatedBy: conflict.serverUpdatedBy,
      serverUpdatedAt: conflict.serverUpdatedAt,
      detectedAt: conflict.detectedAt,
      takeTheirsBlocked: blocked,
    });
  }
  return out;
}

/**
 * Resolves one conflict here; the next sync sends the outcome. Keep mine: the server's version counts
 * as seen, so mine replaces it. Take theirs: the server's record replaces mine (refused when it would
 * drop a revision or report issued here). Keep both (assessments): theirs is stored as a linked copy
 * with new ids, which the next sync sends as a new assessment, and mine replaces theirs under its id.
 * A deletion against an edit: keep mine keeps this side's (the deletion is sent, or the record is sent
 * back over the tombstone), take theirs takes the other side's; keep both has nothing to keep twice.
 */
export async function resolveTeamConflict(context: SyncRunContext, kind: SyncedKind, id: string, choice: ConflictChoice): Promise<{ copyId: string | null }> {
  const stored = findConflict(context.db(), kind, id);
  if (!stored) throw new AppError('not_found', `There is no sync conflict for the ${kind} ${id}.`);
  if (kind === 'client' && choice === 'keepBoth') throw new AppError('bad_request', 'A client cannot be kept twice: choose keep mine or take theirs.');
  if (stored.change !== 'edited') return resolveDeletionConflict(context, stored, choice);
  const content = await storedContent(context, stored.serverRecord);
  const serverPart = kind === 'client' ? content.clients.find((c) => c.client.id === id) : content.assessments.find((a) => a.assessment.id === id);
  if (!serverPart) throw new AppError('internal', `The stored server record for ${kind} ${id} is missing.`);
  if (choice !== 'keepMine') await context.backup();
  const db = context.db();
  return db.transaction(() => {
    const now = nowIso();
    const theirsSeen = { kind, recordId: id, serverVersion: stored.serverVersion, localSha256: contentSha256(serverPart) };
    let copyId: string | null = null;
    if (choice === 'keepMine') markSynced(db, theirsSeen, now);
    else {
      const plan = planImport(db, context.guides(), content);
      const choices: ImportChoices = { clients: {}, assessments: {}, installGuides: true };
      for (const client of plan.clients) if (client.preview.status === 'conflict') choices.clients[client.preview.id] = kind === 'client' ? 'takeTheirs' : 'keepMine';
      for (const assessment of plan.assessments) if (assessment.preview.status === 'conflict') choices.assessments[assessment.preview.id] = choice;
      checkChoices(plan, choices);
      const applied = applyPlan(db, plan, choices, now, randomUUID);
      if (choice === 'keepBoth') {
        copyId = applied.assessmentIds.find((assessmentId) => assessmentId !== id) ?? null;
        markSynced(db, theirsSeen, now);
      } else {
        const part = kind === 'client' ? readClientPart(db, id) : readAssessmentPart(db, id);
        markSynced(db, { ...theirsSeen, localSha256: contentSha256(part) }, now);
      }
    }
    removeConflict(db, kind, id);
    return { copyId };
  })();
}

/** A deletion on one side met an edit on the other. Nothing is deleted that holds an issued revision. */
async function resolveDeletionConflict(context: SyncRunContext, stored: StoredConflict, choice: ConflictChoice): Promise<{ copyId: string | null }> {
  const { kind, recordId: id } = stored;
  const where = stored.change === 'deletedThere' ? 'on the team server' : 'here';
  if (choice === 'keepBoth') throw new AppError('bad_request', `It was deleted ${where}, so there are not two versions to keep: choose keep mine or take theirs.`);
  // Deleting here: the deletion made on the server is taken.
  if (stored.change === 'deletedThere' && choice === 'takeTheirs') {
    const blocked = deletionBlocked(context.db(), kind, id);
    if (blocked === 'issuedRevision') throw new AppError('conflict', 'Taking the deletion is not possible: this assessment has issued revisions here, and those are never deleted. Choose keep mine.');
    if (blocked === 'clientInUse') throw new AppError('conflict', 'Taking the deletion is not possible: this client has assessments here. Delete or move them first, or choose keep mine.');
    await context.backup();
    const db = context.db();
    db.transaction(() => {
      deleteLocally(db, kind, id);
      removeConflict(db, kind, id);
    })();
    return { copyId: null };
  }
  if (stored.change === 'deletedHere' && choice === 'keepMine') {
    const content = await storedContent(context, stored.serverRecord);
    if (content.assessments.some((part) => part.assessment.id === id && part.revisions.length > 0)) {
      throw new AppError('conflict', 'Keeping the deletion is not possible: the version on the team server has issued revisions, and those are never deleted. Choose take theirs.');
    }
  }
  if (choice === 'keepMine') {
    // The server's version counts as seen: the next sync sends the deletion, or mine over the tombstone.
    const db = context.db();
    db.transaction(() => {
      markSynced(db, { kind, recordId: id, serverVersion: stored.serverVersion, localSha256: tombstoneSha256 }, nowIso());
      removeConflict(db, kind, id);
    })();
    return { copyId: null };
  }
  // Deleted here, take theirs: the server's record comes back as a package import would bring it.
  const content = await storedContent(context, stored.serverRecord);
  await context.backup();
  const db = context.db();
  return db.transaction(() => {
    const now = nowIso();
    const plan = planImport(db, context.guides(), content);
    const choices: ImportChoices = { clients: {}, assessments: {}, installGuides: true };
    for (const client of plan.clients) if (client.preview.status === 'conflict') choices.clients[client.preview.id] = 'keepMine';
    checkChoices(plan, choices);
    applyPlan(db, plan, choices, now, randomUUID);
    const part = kind === 'client' ? readClientPart(db, id) : readAssessmentPart(db, id);
    if (part) markSynced(db, { kind, recordId: id, serverVersion: stored.serverVersion, localSha256: contentSha256(part) }, now);
    removeConflict(db, kind, id);
    return { copyId: null };
  })();
}
