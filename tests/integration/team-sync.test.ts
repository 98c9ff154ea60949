// Team server sync through a real PostgreSQL started for the test: two consultants' data folders
// sync with conflicting edits, each conflict resolved by choice; row-level security keeps firms and
// teams apart even for hand-written SQL. Skipped only when no PostgreSQL 15+ is installed.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../src-main/api/methods/sync';
import { listBackups } from '../../src-main/db/backup';
import type { ConflictSummary } from '../../src-main/core/team-sync';
import { pushBatch } from '../../src-main/team/server-store';
import type { AssessmentPart } from '../../src-main/core/package-records';
import type { Consultant } from './fixtures/team-folders';
import { hasPostgres, newAssessment, retitle, teamTestBed, titles } from './fixtures/team-bed';

const bed = teamTestBed('team-sync tests', [
  { role: 'kari', firm: 'firma-a', team: 'renhold' },
  { role: 'ola', firm: 'firma-a', team: 'renhold' },
  { role: 'lise', firm: 'firma-a', team: 'kontor' },
  { role: 'per', firm: 'firma-b' },
]);
const consultant = (role: string) => bed.consultant(role);
const connectAs = (role: string) => bed.connectAs(role);

describe.skipIf(!hasPostgres)('team server sync', () => {
  it('refuses a server whose certificate is not from the configured CA, and a wrong password, syncing nothing', async () => {
    const kari = await consultant('kari');
    await newAssessment(kari, 'Sjekk AS', 'Ikke sendt');
    const otherCa = execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Other CA', '-keyout', '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    await kari.ok('sync.configure', { host: 'localhost', port: bed.cluster().port, database: 'postgres', role: 'kari', caPem: otherCa, sslMode: 'verify-full' });
    await expect(kari.sync()).rejects.toThrow(/bad_request.*Cannot reach the team server.*certificate/);
    await kari.ok('sync.configure', { host: 'localhost', port: bed.cluster().port, database: 'postgres', role: 'ola', caPem: bed.cluster().caPem, sslMode: 'verify-full' });
    await expect(kari.sync()).rejects.toThrow(/unauthorized.*refused the role ola/);
    expect((await kari.ok<TeamSyncStatus>('sync.status', {})).pending.assessments).toBe(1);
    const admin = await bed.cluster().admin();
    try {
      expect((await admin.query('SELECT count(*)::int AS n FROM kartlegg.assessments')).rows[0].n).toBe(0);
    } finally {
      await admin.end();
    }
  }, 120_000);

  it('two folders sync through the server; a conflicting edit is listed, never silent, and resolved by choice', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const assessment = await newAssessment(kari, 'Renhold Vest AS', 'Kartlegging 2026');

    expect(await kari.sync()).toMatchObject({ pushedClients: 1, pushedAssessments: 1, conflicts: 0 });
    expect(await ola.sync()).toMatchObject({ pulledClients: 1, pulledAssessments: 1, conflicts: 0 });
    // A backup before fetched records are written here; none for a run that only sends.
    const syncBackups = (folder: Consultant) => listBackups(folder.dataDir).filter((backup) => backup.reason === 'before-sync').length;
    expect(syncBackups(kari)).toBe(0);
    expect(syncBackups(ola)).toBe(1);
    expect(await titles(ola)).toEqual(['Kartlegging 2026']);
    // A second run with nothing changed anywhere does nothing.
    expect(await ola.sync()).toMatchObject({ pushedAssessments: 0, pulledAssessments: 0, pushedClients: 0, pulledClients: 0 });

    // Both edit the same assessment offline; Kari syncs first.
    await retitle(kari, assessment, 'Kartlegging 2026 (Karis utgave)');
    await retitle(ola, assessment, 'Kartlegging 2026 (Olas utgave)');
    expect((await ola.ok<TeamSyncStatus>('sync.status', {})).pending).toEqual({ clients: 0, assessments: 1, deletions: 0 });
    expect(await kari.sync()).toMatchObject({ pushedAssessments: 1 });
    expect(await ola.sync()).toMatchObject({ pushedAssessments: 0, pulledAssessments: 0, conflicts: 1 });
    // Never silent: Ola's own version is untouched, and the conflict is listed with who changed it.
    expect(await titles(ola)).toEqual(['Kartlegging 2026 (Olas utgave)']);
    const [conflict] = await ola.ok<ConflictSummary[]>('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'assessment', id: assessment.id, title: 'Kartlegging 2026 (Karis utgave)', serverUpdatedBy: 'kari', takeTheirsBlocked: null });
    expect((await ola.ok<TeamSyncStatus>('sync.status', {})).conflicts).toBe(1);
    // Unresolved, a later run leaves it alone.
    expect(await ola.sync()).toMatchObject({ pushedAssessments: 0, conflicts: 1 });

    // Keep both: Kari's version becomes a linked copy here, Ola's stays under the id; both are sent.
    const { copyId } = await ola.ok<{ copyId: string | null }>('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepBoth' });
    expect(copyId).toEqual(expect.any(String));
    expect(await titles(ola)).toEqual(['Kartlegging 2026 (Karis utgave) (importert)', 'Kartlegging 2026 (Olas utgave)']);
    expect(await ola.sync()).toMatchObject({ pushedAssessments: 2, conflicts: 0 });
    expect(await kari.sync()).toMatchObject({ pulledAssessments: 2, conflicts: 0 });
    expect(await titles(kari)).toEqual(await titles(ola));

    // Take theirs: the next conflicting edit is settled the other way round.
    await retitle(kari, assessment, 'Kari igjen');
    await retitle(ola, assessment, 'Ola igjen');
    await ola.sync();
    expect(await kari.sync()).toMatchObject({ conflicts: 1 });
    await kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'takeTheirs' });
    expect(await titles(kari)).toContain('Ola igjen');
    expect(await kari.sync()).toMatchObject({ pushedAssessments: 0, pulledAssessments: 0, conflicts: 0 });

    // Keep mine: Kari's edit replaces Ola's on the server, and Ola (unchanged since) takes it.
    await retitle(kari, assessment, 'Karis endelige');
    await retitle(ola, assessment, 'Olas endelige');
    await ola.sync();
    expect(await kari.sync()).toMatchObject({ conflicts: 1 });
    await kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepMine' });
    expect(await kari.sync()).toMatchObject({ pushedAssessments: 1, conflicts: 0 });
    expect(await ola.sync()).toMatchObject({ pulledAssessments: 1, conflicts: 0 });
    expect(await titles(ola)).toEqual(await titles(kari));
    expect(await titles(ola)).toContain('Karis endelige');

    // The server wrote who, when and from which device.
    const admin = await bed.cluster().admin();
    try {
      const row = await admin.query('SELECT updated_by, updated_device, version, created_by FROM kartlegg.assessments WHERE id = $1', [assessment.id]);
      const karisDevice = (await kari.ok<TeamSyncStatus>('sync.status', {})).deviceId;
      expect(row.rows[0]).toMatchObject({ updated_by: 'kari', updated_device: karisDevice, created_by: 'kari' });
    } finally {
      await admin.end();
    }
  }, 120_000);

  it('a client changed on both sides is a conflict too: take theirs, or keep mine (never keep both)', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const { clientId } = await newAssessment(kari, 'Glans Renhold AS', 'Klientkonflikt');
    await kari.sync();
    await ola.sync();
    await kari.ok('clients.update', { id: clientId, name: 'Glans Renhold AS (Kari)' });
    await ola.ok('clients.update', { id: clientId, name: 'Glans Renhold AS (Ola)' });
    expect(await kari.sync()).toMatchObject({ pushedClients: 1 });
    expect(await ola.sync()).toMatchObject({ pushedClients: 0, pulledClients: 0, conflicts: 1 });
    const clientName = async (folder: Consultant) => (await folder.ok<{ name: string }>('clients.get', { id: clientId })).name;
    expect(await clientName(ola)).toBe('Glans Renhold AS (Ola)');
    expect(await ola.ok<ConflictSummary[]>('sync.conflicts', {})).toEqual([expect.objectContaining({ kind: 'client', id: clientId, title: 'Glans Renhold AS (Kari)' })]);
    const refused = await (async () => {
      try {
        await ola.ok('sync.resolve', { kind: 'client', id: clientId, choice: 'keepBoth' });
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refused).toMatch(/cannot be kept twice/);
    await ola.ok('sync.resolve', { kind: 'client', id: clientId, choice: 'takeTheirs' });
    expect(await clientName(ola)).toBe('Glans Renhold AS (Kari)');
    expect(await ola.sync()).toMatchObject({ pushedClients: 0, conflicts: 0 });

    await kari.ok('clients.update', { id: clientId, name: 'Glans Renhold (Kari igjen)' });
    await ola.ok('clients.update', { id: clientId, name: 'Glans Renhold (Ola igjen)' });
    await kari.sync();
    expect(await ola.sync()).toMatchObject({ conflicts: 1 });
    await ola.ok('sync.resolve', { kind: 'client', id: clientId, choice: 'keepMine' });
    expect(await ola.sync()).toMatchObject({ pushedClients: 1, conflicts: 0 });
    expect(await kari.sync()).toMatchObject({ pulledClients: 1, conflicts: 0 });
    expect(await clientName(kari)).toBe('Glans Renhold (Ola igjen)');
  }, 120_000);

  it('issued revisions travel, and "take theirs" is refused when it would drop a revision issued here', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const assessment = await newAssessment(kari, 'Revisjon AS', 'Utstedt kartlegging');
    await kari.ok('revisions.issue', { assessmentId: assessment.id, revision: 1, acceptGaps: true });
    await kari.sync();
    await ola.sync();
    const revisionNumbers = async (folder: Consultant) =>
      (await folder.ok<{ revisions: { number: number }[] }>('revisions.list', { assessmentId: assessment.id })).revisions.map((r) => r.number);
    expect(await revisionNumbers(ola)).toEqual([1]);

    // Ola edits and issues revision 2 here; Kari edits the title meanwhile and syncs first.
    await retitle(ola, assessment, 'Utstedt kartlegging, rev. 2');
    await ola.ok('revisions.issue', { assessmentId: assessment.id, revision: 2, acceptGaps: true });
    await retitle(kari, assessment, 'Utstedt kartlegging (Kari)');
    await kari.sync();
    expect(await ola.sync()).toMatchObject({ conflicts: 1 });
    const [conflict] = await ola.ok<ConflictSummary[]>('sync.conflicts', {});
    expect(conflict).toMatchObject({ id: assessment.id, takeTheirsBlocked: 'issuedRevision' });
    await expect(ola.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'takeTheirs' })).rejects.toThrow(/not possible/);
    expect((await revisionNumbers(ola)).sort()).toEqual([1, 2]);

    await ola.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepMine' });
    await ola.sync();
    await kari.sync();
    expect((await revisionNumbers(kari)).sort()).toEqual([1, 2]);
  }, 120_000);

  it('a write from a stale version is not applied: the server keeps the newer row', async () => {
    const kari = await consultant('kari');
    const assessment = await newAssessment(kari, 'Kappløp AS', 'Først til mølla');
    await kari.sync();
    const server = await connectAs('kari');
    try {
      const stored = await server.query("SELECT record, version FROM kartlegg.assessments WHERE id = $1", [assessment.id]);
      const part = stored.rows[0].record as AssessmentPart;
      const stale = { part: { ...part, assessment: { ...part.assessment, title: 'Skrevet fra en gammel versjon' } }, sha256: 'f'.repeat(64), expectedVersion: stored.rows[0].version - 1 };
      const result = await pushBatch(server, 'test-device', { guides: [], clients: [], assessments: [stale] });
      expect(result.assessments.size).toBe(0);
      const after = await server.query("SELECT record->'assessment'->>'title' AS title, version FROM kartlegg.assessments WHERE id = $1", [assessment.id]);
      expect(after.rows[0]).toEqual({ title: 'Først til mølla', version: stored.rows[0].version });
    } finally {
      await server.end();
    }
  }, 120_000);

  it('keeps firms and teams apart, even for hand-written SQL', async () => {
    const kari = await consultant('kari');
    await newAssessment(kari, 'Kontorrenhold AS', 'Bare for renhold-teamet');
    await kari.sync();
    const per = await connectAs('per');
    const lise = await connectAs('lise');
    try {
      // Another firm sees nothing of firm A, and cannot change or claim its rows.
      expect((await per.query('SELECT count(*)::int AS n FROM kartlegg.assessments')).rows[0].n).toBe(0);
      expect((await per.query('SELECT count(*)::int AS n FROM kartlegg.clients')).rows[0].n).toBe(0);
      expect((await per.query('SELECT role_name FROM kartlegg.members')).rows).toEqual([{ role_name: 'per' }]);
      expect((await per.query(`UPDATE kartlegg.assessments SET record = '{}'::jsonb`)).rowCount).toBe(0);
      await expect(
        per.query(`INSERT INTO kartlegg.assessments (firm_id, id, client_id, record, sha256) VALUES ('firma-a', gen_random_uuid(), gen_random_uuid(), '{}', repeat('0', 64))`),
      ).rejects.toThrow(/row-level security/);
      await expect(per.query('DELETE FROM kartlegg.assessments')).rejects.toThrow(/permission denied/);
      await expect(per.query('SET ROLE kari')).rejects.toThrow(/permission denied/);
      await expect(per.query('ALTER TABLE kartlegg.assessments DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
      // Another team of the same firm does not see the team's rows either.
      expect((await lise.query('SELECT count(*)::int AS n FROM kartlegg.assessments')).rows[0].n).toBe(0);
      expect((await lise.query(`UPDATE kartlegg.clients SET team_id = 'kontor'`)).rowCount).toBe(0);
    } finally {
      await per.end();
      await lise.end();
    }
    // And a sync from firm B brings nothing of firm A.
    const perFolder = await consultant('per');
    expect(await perFolder.sync()).toMatchObject({ pulledAssessments: 0, pulledClients: 0 });
    expect(await titles(perFolder)).toEqual([]);
  }, 120_000);
});
