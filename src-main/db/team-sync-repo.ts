// The local side of team server sync: the server settings, the state of each shared record at its
// last sync, and the conflicts waiting for the consultant's choice.
import type { Db } from './database';

import type { ConflictChange, QuarantinedRecord, QuarantineKind, SyncedKind } from '../core/team-sync';

export type { SyncedKind };
export type TeamSslMode = 'verify-full' | 'verify-ca';

export interface TeamServerSettings {
  host: string;
  port: number;
  database: string;
  role: string;
  /** The CA certificate(s) the server's certificate must chain to, PEM; null for the system's CAs. */
  caPem: string | null;
  sslMode: TeamSslMode;
  deviceId: string;
  lastSyncAt: string | null;
}

export interface SyncedRecord {
  kind: SyncedKind;
  recordId: string;
  serverVersion: number;
  localSha256: string;
}

export interface StoredConflict {
  kind: SyncedKind;
  recordId: string;
  title: string;
  change: ConflictChange;
  serverVersion: number;
  /** The server's client or assessment part, as JSON text ("null" when the server holds a tombstone). */
  serverRecord: string;
  serverUpdatedBy: string;
  serverUpdatedAt: string;
  detectedAt: string;
}

export function readTeamServerSettings(db: Db): TeamServerSettings | undefined {
  return db
    .prepare(
      `SELECT host, port, database, role, ca_pem AS caPem, ssl_mode AS sslMode, device_id AS deviceId, last_sync_at AS lastSyncAt
       FROM team_sync_settings WHERE id = 1`,
    )
    .get() as TeamServerSettings | undefined;
}

export function writeTeamServerSettings(db: Db, settings: Omit<TeamServerSettings, 'lastSyncAt'>, now: string): void {
  db.prepare(
    `INSERT INTO team_sync_settings (id, host, port, database, role, ca_pem, ssl_mode, device_id, updated_at)
     VALUES (1, @host, @port, @database, @role, @caPem, @sslMode, @deviceId, @now)
     ON CONFLICT(id) DO UPDATE SET host = excluded.host, port = excluded.port, database = excluded.database, role = excluded.role,
       ca_pem = excluded.ca_pem, ssl_mode = excluded.ssl_mode, updated_at = excluded.updated_at`,
  ).run({ ...settings, now });
}

export function removeTeamServerSettings(db: Db): void {
  db.prepare('DELETE FROM team_sync_settings').run();
}

export function recordLastSync(db: Db, now: string): void {
  db.prepare('UPDATE team_sync_settings SET last_sync_at = ? WHERE id = 1').run(now);
}

export function listSyncedRecords(db: Db, kind: SyncedKind): Map<string, SyncedRecord> {
  const rows = db
    .prepare('SELECT kind, record_id AS recordId, server_version AS serverVersion, local_sha256 AS localSha256 FROM team_sync_records WHERE kind = ?')
    .all(kind) as SyncedRecord[];
  return new Map(rows.map((row) => [row.recordId, row]));
}

export function markSynced(db: Db, record: SyncedRecord, now: string): void {
  db.prepare(
    `INSERT INTO team_sync_records (kind, record_id, server_version, local_sha256, synced_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(kind, record_id) DO UPDATE SET server_version = excluded.server_version, local_sha256 = excluded.local_sha256, synced_at = excluded.synced_at`,
  ).run(record.kind, record.recordId, record.serverVersion, record.localSha256, now);
}

export function listConflicts(db: Db): StoredConflict[] {
  return db
    .prepare(
      `SELECT kind, record_id AS recordId, title, change, server_version AS serverVersion, server_record AS serverRecord,
         server_updated_by AS serverUpdatedBy, server_updated_at AS serverUpdatedAt, detected_at AS detectedAt
       FROM team_sync_conflicts ORDER BY kind, title, record_id`,
    )
    .all() as StoredConflict[];
}

export function findConflict(db: Db, kind: SyncedKind, recordId: string): StoredConflict | undefined {
  return listConflicts(db).find((conflict) => conflict.kind === kind && conflict.recordId === recordId);
}

export function storeConflict(db: Db, conflict: StoredConflict): void {
  db.prepare(
    `INSERT INTO team_sync_conflicts (kind, record_id, title, change, server_version, server_record, server_updated_by, server_updated_at, detected_at)
     VALUES (@kind, @recordId, @title, @change, @serverVersion, @serverRecord, @serverUpdatedBy, @serverUpdatedAt, @detectedAt)
     ON CONFLICT(kind, record_id) DO UPDATE SET title = excluded.title, change = excluded.change, server_version = excluded.server_version,
       server_record = excluded.server_record, server_updated_by = excluded.server_updated_by,
       server_updated_at = excluded.server_updated_at, detected_at = excluded.detected_at`,
  ).run(conflict);
}

export function removeConflict(db: Db, kind: SyncedKind, recordId: string): void {
  db.prepare('DELETE FROM team_sync_conflicts WHERE kind = ? AND record_id = ?').run(kind, recordId);
}

export function listLocalIds(db: Db, kind: SyncedKind): string[] {
  const table = kind === 'client' ? 'clients' : 'assessments';
  return db.prepare(`SELECT id FROM ${table} ORDER BY created_at, id`).pluck().all() as string[];
}

/** Forgets a record's sync state: it is gone on both sides (deleted, and the tombstone sent or applied). */
export function forgetSynced(db: Db, kind: SyncedKind, recordId: string): void {
  db.prepare('DELETE FROM team_sync_records WHERE kind = ? AND record_id = ?').run(kind, recordId);
}

export function listQuarantine(db: Db): QuarantinedRecord[] {
  return db
    .prepare(
      `SELECT kind, record_id AS id, reason, detail, server_version AS serverVersion, detected_at AS detectedAt
       FROM team_sync_quarantine ORDER BY kind, record_id`,
    )
    .all() as QuarantinedRecord[];
}

export function quarantine(db: Db, record: QuarantinedRecord): void {
  db.prepare(
    `INSERT INTO team_sync_quarantine (kind, record_id, server_version, reason, detail, detected_at) VALUES (@kind, @id, @serverVersion, @reason, @detail, @detectedAt)
     ON CONFLICT(kind, record_id) DO UPDATE SET server_version = excluded.server_version, reason = excluded.reason, detail = excluded.detail, detected_at = excluded.detected_at`,
  ).run(record);
}

export function releaseFromQuarantine(db: Db, kind: QuarantineKind, recordId: string): void {
  db.prepare('DELETE FROM team_sync_quarantine WHERE kind = ? AND record_id = ?').run(kind, recordId);
}

/** Drops the entries of one kind except those still set aside (the rest were fixed or removed on the server). */
export function keepQuarantined(db: Db, kind: QuarantineKind, stillQuarantined: ReadonlySet<string>): void {
  const ids = db.prepare('SELECT record_id FROM team_sync_quarantine WHERE kind = ?').pluck().all(kind) as string[];
  for (const id of ids) if (!stillQuarantined.has(id)) releaseFromQuarantine(db, kind, id);
}
