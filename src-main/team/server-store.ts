// The queries Kartlegg runs on the team server as the consultant's role. Row-level security decides
// which rows exist for them; the server stamps who, when, from which device, and each row's version.
import type { ClientBase } from 'pg';
import type { AssessmentPart, ClientPart, PackagedGuide } from '../core/package-records';
import type { SyncedKind } from '../db/team-sync-repo';
import { currentPackageVersion } from '../transfer/package-format';

const tables: Record<SyncedKind, string> = { client: 'kartlegg.clients', assessment: 'kartlegg.assessments' };

export interface ServerVersion {
  version: number;
  sha256: string;
  /** A tombstone: the record was deleted (by whom and when are its audit columns). */
  deleted: boolean;
}

export interface ServerRecord extends ServerVersion {
  id: string;
  /** The package record; null for a tombstone. */
  record: unknown;
  /** The package format version of the Kartlegg that wrote it. */
  formatVersion: number;
  updatedBy: string;
  updatedAt: string;
}

/** What a tombstone holds instead of a content hash. */
export const tombstoneSha256 = '0'.repeat(64);

export interface OutgoingRecord<Part> {
  part: Part;
  sha256: string;
  /** The server version this machine last saw, or null for a record the server has never had. */
  expectedVersion: number | null;
}

export interface OutgoingDeletion {
  id: string;
  /** The server version this machine last saw: the tombstone replaces only that one. */
  expectedVersion: number;
}

export interface OutgoingBatch {
  guides: (PackagedGuide & { sha256: string })[];
  clients: OutgoingRecord<ClientPart>[];
  assessments: OutgoingRecord<AssessmentPart>[];
  deletions?: { kind: SyncedKind; records: OutgoingDeletion[] };
}

/** Which records the server has for this role, with their versions: small, so it is read whole. */
export async function serverVersions(client: ClientBase, kind: SyncedKind): Promise<Map<string, ServerVersion>> {
  const result = await client.query<{ id: string; version: number; sha256: string; deleted: boolean }>(`SELECT id::text AS id, version, sha256, deleted FROM ${tables[kind]}`);
  return new Map(result.rows.map((row) => [row.id, { version: row.version, sha256: row.sha256, deleted: row.deleted }]));
}

export async function fetchRecords(client: ClientBase, kind: SyncedKind, ids: readonly string[]): Promise<ServerRecord[]> {
  const result = await client.query<{ id: string; version: number; sha256: string; deleted: boolean; format_version: number; record: unknown; updated_by: string; updated_at: Date }>(
    `SELECT id::text AS id, version, sha256, deleted, format_version, record, updated_by, updated_at FROM ${tables[kind]} WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return result.rows.map((row) => ({
    id: row.id,
    version: row.version,
    sha256: row.sha256,
    deleted: row.deleted,
    formatVersion: row.format_version,
    record: row.record,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function fetchGuides(client: ClientBase): Promise<(PackagedGuide & { sha256: string })[]> {
  const result = await client.query<{ guide_id: string; version: string; content: string; sha256: string }>(
    'SELECT DISTINCT ON (guide_id, version) guide_id, version, content, sha256 FROM kartlegg.guides ORDER BY guide_id, version, created_at',
  );
  return result.rows.map((row) => ({ id: row.guide_id, version: row.version, content: row.content, sha256: row.sha256 }));
}

/** Writes a batch's records of one kind in two statements: inserts for records the server has never had,
 * and updates that apply only from the version this machine saw. Returns the new version per record
 * written; one missing lost a race to someone else's write (a conflict the next run fetches). */
async function writeRecords(client: ClientBase, kind: SyncedKind, records: { id: string; clientId: string | null; record: OutgoingRecord<unknown> }[]): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  const rows = (list: typeof records) =>
    JSON.stringify(list.map(({ id, clientId, record }) => ({ id, client_id: clientId, record: record.part, sha256: record.sha256, expected: record.expectedVersion })));
  const inserts = records.filter((r) => r.record.expectedVersion === null);
  const updates = records.filter((r) => r.record.expectedVersion !== null);
  const clientColumn = kind === 'assessment' ? ', client_id' : '';
  const clientValue = kind === 'assessment' ? ', x.client_id' : '';
  const recordset = 'jsonb_to_recordset($1::jsonb) AS x(id uuid, client_id uuid, record jsonb, sha256 text, expected integer)';
  if (inserts.length > 0) {
    const result = await client.query<{ id: string; version: number }>(
      `INSERT INTO ${tables[kind]} (id${clientColumn}, record, sha256, format_version) SELECT x.id${clientValue}, x.record, x.sha256, $2 FROM ${recordset}
       ON CONFLICT DO NOTHING RETURNING id::text AS id, version`,
      [rows(inserts), currentPackageVersion],
    );
    for (const row of result.rows) written.set(row.id, row.version);
  }
  if (updates.length > 0) {
    const setClient = kind === 'assessment' ? ', client_id = x.client_id' : '';
    const result = await client.query<{ id: string; version: number }>(
      `UPDATE ${tables[kind]} AS t SET record = x.record, sha256 = x.sha256, format_version = $2, deleted = false${setClient} FROM ${recordset}
       WHERE t.id = x.id AND t.version = x.expected RETURNING t.id::text AS id, t.version`,
      [rows(updates), currentPackageVersion],
    );
    for (const row of result.rows) written.set(row.id, row.version);
  }
  return written;
}

/** Turns rows into tombstones, each only from the version this machine saw; returns the tombstones' versions. */
async function writeTombstones(client: ClientBase, kind: SyncedKind, deletions: readonly OutgoingDeletion[]): Promise<Map<string, number>> {
  if (deletions.length === 0) return new Map();
  const result = await client.query<{ id: string; version: number }>(
    `UPDATE ${tables[kind]} AS t SET record = NULL, deleted = true, sha256 = $2
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, expected integer)
     WHERE t.id = x.id AND t.version = x.expected AND NOT t.deleted RETURNING t.id::text AS id, t.version`,
    [JSON.stringify(deletions.map((d) => ({ id: d.id, expected: d.expectedVersion }))), tombstoneSha256],
  );
  return new Map(result.rows.map((row) => [row.id, row.version]));
}

export interface PushResult {
  /** Per record id the version the server now has; records missing here lost a race and were not written. */
  clients: Map<string, number>;
  assessments: Map<string, number>;
  /** Tombstones written, per record id their version; as above, a missing one lost a race. */
  deletions: Map<string, number>;
}

/** Writes one batch in one server transaction: all of it or nothing. */
export async function pushBatch(client: ClientBase, deviceId: string, batch: OutgoingBatch): Promise<PushResult> {
  const result: PushResult = { clients: new Map(), assessments: new Map(), deletions: new Map() };
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('kartlegg.device', $1, true)", [deviceId]);
    for (const guide of batch.guides) {
      await client.query('INSERT INTO kartlegg.guides (guide_id, version, content, sha256) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        guide.id,
        guide.version,
        guide.content,
        guide.sha256,
      ]);
    }
    result.clients = await writeRecords(client, 'client', batch.clients.map((record) => ({ id: record.part.client.id, clientId: null, record })));
    result.assessments = await writeRecords(
      client,
      'assessment',
      batch.assessments.map((record) => ({ id: record.part.assessment.id, clientId: record.part.assessment.clientId, record })),
    );
    if (batch.deletions) result.deletions = await writeTombstones(client, batch.deletions.kind, batch.deletions.records);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return result;
}
