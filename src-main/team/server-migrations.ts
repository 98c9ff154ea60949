// The team server's numbered migrations, run by the firm's IT with an administrator's connection:
// each in its own transaction, recorded in kartlegg.schema_migrations, never run twice.
import type { ClientBase } from 'pg';
import { AppError } from '../core/errors';
import { teamSchema } from './migrations/001-schema';
import { tombstonesAndTemplates } from './migrations/002-quarantine-tombstones-templates';

export interface TeamMigration {
  version: number;
  name: string;
  sql: string;
}

export const teamMigrations: TeamMigration[] = [
  { version: 1, name: 'firms, teams, members, shared records, row-level security', sql: teamSchema },
  { version: 2, name: 'record format versions, tombstones, report templates', sql: tombstonesAndTemplates },
];

export const latestTeamSchemaVersion = teamMigrations[teamMigrations.length - 1].version;

/** The schema version the server has, 0 when Kartlegg's schema is not there yet. */
export async function teamSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass('kartlegg.schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0].present) return 0;
  const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM kartlegg.schema_migrations');
  return result.rows[0].version ?? 0;
}

/** Applies the migrations the server lacks; returns the versions applied. Refuses a server newer than this app. */
export async function migrateTeamServer(client: ClientBase): Promise<number[]> {
  const applied: number[] = [];
  // One migrator at a time: a second one waits here, then finds the work done.
  await client.query('SELECT pg_advisory_lock(hashtext($1))', ['kartlegg-team-migrations']);
  try {
    const current = await teamSchemaVersion(client);
    if (current > latestTeamSchemaVersion) {
      throw new AppError('conflict', `The team server has schema version ${current}, newer than this Kartlegg knows (${latestTeamSchemaVersion}). Update Kartlegg.`);
    }
    for (const migration of teamMigrations.filter((m) => m.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        if (migration.version === 1) {
          await client.query(
            'CREATE TABLE kartlegg.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by name NOT NULL DEFAULT current_user)',
          );
          await client.query('GRANT SELECT ON kartlegg.schema_migrations TO kartlegg_consultant');
        }
        await client.query('INSERT INTO kartlegg.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['kartlegg-team-migrations']);
  }
  return applied;
}
