// Without a team server nothing changes: edits and deletions (of clients and assessments) work as
// before, nothing is queued or set aside, the sync tables stay empty, and a sync run says plainly
// that no server is set up. Needs no PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../src-main/api/methods/sync';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import { findAppRoot } from '../../src-main/paths';
import { runCli } from './fixtures/cli';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';

let dataDir: string;
let runtime: ApiRuntime;

beforeAll(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot(), log: () => {} });
});

afterAll(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('without a team server', () => {
  it('deletes as before, queues nothing, sets nothing aside and writes nothing to the sync tables', async () => {
    const client = await ok<{ id: string }>('clients.create', { name: 'Uten server AS' });
    const assessment = await ok<{ id: string }>('assessments.create', { clientId: client.id, title: 'Lokal', method: 'group', guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' });
    await ok('assessments.delete', { id: assessment.id });
    await ok('clients.delete', { id: client.id });
    expect(await ok<TeamSyncStatus>('sync.status', {})).toMatchObject({ configured: false, pending: { clients: 0, assessments: 0, deletions: 0 }, conflicts: 0, quarantined: [] });
    const run = await runtime.call('sync.run', {});
    expect(run).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('No team server is set up') } });
    const rows = withRawDb(
      dataDir,
      (db) => ['team_sync_settings', 'team_sync_records', 'team_sync_conflicts', 'team_sync_quarantine'].map((table) => db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get()),
      { readonly: true },
    );
    expect(rows).toEqual([0, 0, 0, 0]);
  });
});

describe('kartlegg sync status', () => {
  it('lists the records set aside with kind, id, reason and detail, and the deletions queued', () => {
    const folder = makeTempDir();
    try {
      expect(runCli(folder, ['sync', 'configure', '--host', 'db.firma.no', '--database', 'kartlegg', '--role', 'kari']).status).toBe(0);
      withRawDb(folder, (db) => {
        db.prepare("INSERT INTO team_sync_quarantine (kind, record_id, server_version, reason, detail, detected_at) VALUES ('assessment', 'a-1', 3, 'newerFormat', 'written in package format 2 by a newer Kartlegg', 'now')").run();
        db.prepare("INSERT INTO team_sync_quarantine (kind, record_id, server_version, reason, detail, detected_at) VALUES ('template', 'firma-mal 1.0', NULL, 'invalidTemplate', 'sections[0].blocks[0].type unknown block', 'now')").run();
        // Synced before, gone here since: a deletion waiting to be sent.
        db.prepare("INSERT INTO team_sync_records (kind, record_id, server_version, local_sha256, synced_at) VALUES ('client', 'c-1', 1, ?, 'now')").run('a'.repeat(64));
      });
      const status = runCli(folder, ['sync', 'status']);
      expect(status.status, status.stderr).toBe(0);
      expect(status.stdout).toContain('Queued: 0 assessment(s), 0 client(s), 1 deletion(s). Conflicts: 0.');
      expect(status.stdout).toContain('Set aside (failed validation; tried again by every sync): 2');
      expect(status.stdout).toContain('assessment a-1: written by a newer version of Kartlegg: written in package format 2 by a newer Kartlegg');
      expect(status.stdout).toContain('template firma-mal 1.0: not a valid report template: sections[0].blocks[0].type unknown block');
    } finally {
      removeTempDir(folder);
    }
  });
});
