// The queries Kartlegg runs on the team server as the consultant's role. Row-level security decides
// which rows exist for them; the server stamps who, when, from which device, and each row's version.
import type { ClientBase } from 'pg';
import type { AssessmentPart, ClientPart, PackagedGuide } from '../core/package-records';
import type { SyncedKind } from '../db/team-sync-repo';

const tables: Record<SyncedKind, string> = { client: 'kartlegg.clients', assessment: 'kartlegg.assessments' };

export interface ServerVersion {
  version: number;
  sha256: string;
}

export interface ServerRecord extends ServerVersion {
  id: string;
  record: unknown;
  updatedBy: string;
  updatedAt: string;
}

export interface OutgoingRecord<Part> {
  part: Part;
  sha256: string;
  /** The server version this machine last saw, or null for a record the server has never had. */
  expectedVersion: number | null;
}

export interface OutgoingBatch {
  guides: (PackagedGuide & { sha256: string })[];
  clients: OutgoingRecord<ClientPart>[];
  assessments: OutgoingRecord<AssessmentPart>[];
}

/** Which records the server has for this role, with their versions: small, so it is read whole. */
export async function serverVersions(client: ClientBase, kind: SyncedKind): Promise<Map<string, ServerVersion>> {
  const result = await client.query<{ id: string; version: number; sha256: string }>(`SELECT id::text AS id, version, sha256 FROM ${tables[kind]}`);
  return new Map(result.rows.map((row) => [row.id, { version: row.version, sha256: row.sha256 }]));
}

export async function fetchRecords(client: ClientBase, kind: SyncedKind, ids: readonly string[]): Promise<ServerRecord[]> {
  const result = await client.query<{ id: string; version: number; sha256: string; record: unknown; updated_by: string; updated_at: Date }>(
    `SELECT id::text AS id, version, sha256, record, updated_by, updated_at FROM ${tables[kind]} WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return result.rows.map((row) => ({ id: row.id, version: row.version, sha256: row.sha256, record: row.record, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString() }));
}

export async function fetchGuides(client: ClientBase): Promise<(PackagedGuide & { sha256: string })[]> {
  const result = await client.query<{ guide_id: string; version: string; content: string; sha256: string }>(
    'SELECT DISTINCT ON (guide_id, version) guide_id, version, content, sha256 FROM kartlegg.guides ORDER BY guide_id, version, created_at',
  );
  return result.rows.map((row) => ({ id: row.guide_id, version: row.version, content: row.content, sha256: row.sha256 }));
}

/** One write of a record: inserted when the server has never had it, updated only from the version this
 * machine saw. Returns the new version, or null when someone else got there first (a conflict to pull). */
async function writeRecord(client: ClientBase, kind: SyncedKind, id: string, clientId: string | null, record: OutgoingRecord<unknown>): Promise<number | null> {
  const json = JSON.stringify(record.part);
  if (record.expectedVersion === null) {
    const columns = kind === 'assessment' ? '(id, client_id, record, sha256)' : '(id, record, sha256)';
    const values = kind === 'assessment' ? '($1, $4, $2, $3)' : '($1, $2, $3)';
    const params = kind === 'assessment' ? [id, json, record.sha256, clientId] : [id, json, record.sha256];
    const inserted = await client.query<{ version: number }>(`INSERT INTO ${tables[kind]} ${columns} VALUES ${values} ON CONFLICT DO NOTHING RETURNING version`, params);
    return inserted.rows[0]?.version ?? null;
  }
  const setClient = kind === 'assessment' ? ', client_id = $5' : '';
  const params = kind === 'assessment' ? [id, json, record.sha256, record.expectedVersion, clientId] : [id, json, record.sha256, record.expectedVersion];
  const updated = await client.query<{ version: number }>(
    `UPDATE ${tables[kind]} SET record = $2, sha256 = $3${setClient} WHERE id = $1 AND version = $4 RETURNING version`,
    params,
  );
  return updated.rows[0]?.version ?? null;
}

export interface PushResult {
  /** Per record id the version the server now has; records missing here lost a race and were not written. */
  clients: Map<string, number>;
  assessments: Map<string, number>;
}

/** Writes one batch in one server transaction: all of it or nothing. */
export async function pushBatch(client: ClientBase, deviceId: string, batch: OutgoingBatch): Promise<PushResult> {
  const result: PushResult = { clients: new Map(), assessments: new Map() };
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
    for (const record of batch.clients) {
      const version = await writeRecord(client, 'client', record.part.client.id, null, record);
      if (version !== null) result.clients.set(record.part.client.id, version);
    }
    for (const record of batch.assessments) {
      const { id, clientId } = record.part.assessment;
      const version = await writeRecord(client, 'assessment', id, clientId, record);
      if (version !== null) result.assessments.set(id, version);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return result;
}
