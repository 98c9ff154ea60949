// Deletions travel through the team server as tombstones: a client or an assessment deleted on one
// laptop is deleted on the others; a deletion against a newer edit elsewhere is a conflict to resolve,
// never silent, in both directions; an assessment with an issued revision is never deleted, not even
// by hand-written SQL; row-level security holds for tombstones. Real PostgreSQL started by the test.
import { describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../src-main/api/methods/sync';
import type { ConflictSummary } from '../../src-main/core/team-sync';
import type { Consultant } from './fixtures/team-folders';
import { hasPostgres, newAssessment, retitle, teamTestBed, titles } from './fixtures/team-bed';

const bed = teamTestBed('team-sync-deletions tests', [
  { role: 'kari', firm: 'firma-a', team: 'renhold' },
  { role: 'ola', firm: 'firma-a', team: 'renhold' },
  { role: 'lise', firm: 'firma-a', team: 'kontor' },
  { role: 'per', firm: 'firma-b' },
]);
const consultant = (role: string) => bed.consultant(role);
const connectAs = (role: string) => bed.connectAs(role);
const clientNames = async (folder: Consultant) => (await folder.ok<{ name: string }[]>('clients.list', {})).map((c) => c.name).sort();

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe.skipIf(!hasPostgres)('team sync of deletions', () => {
  it('an assessment and a client deleted on one laptop are deleted on the other, as tombstones the server keeps', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const first = await newAssessment(kari, 'Sletting AS', 'Skal slettes');
    const second = await newAssessment(kari, 'Klient som går', 'Går med klienten');
    await kari.sync();
    await ola.sync();
    expect(await titles(ola)).toEqual(['Går med klienten', 'Skal slettes']);

    await kari.ok('assessments.delete', { id: first.id });
    expect((await kari.ok<TeamSyncStatus>('sync.status', {})).pending).toEqual({ clients: 0, assessments: 0, deletions: 1 });
    expect(await kari.sync()).toMatchObject({ pushedDeletions: 1, conflicts: 0 });
    expect((await kari.ok<TeamSyncStatus>('sync.status', {})).pending.deletions).toBe(0);
    expect(await ola.sync()).toMatchObject({ pulledDeletions: 1, conflicts: 0 });
    expect(await titles(ola)).toEqual(['Går med klienten']);

    // The tombstone keeps who deleted it, when and from where, and none of the content.
    const admin = await bed.cluster().admin();
    try {
      const row = (await admin.query('SELECT deleted, record, updated_by, updated_device FROM kartlegg.assessments WHERE id = $1', [first.id])).rows[0];
      expect(row).toMatchObject({ deleted: true, record: null, updated_by: 'kari', updated_device: (await kari.ok<TeamSyncStatus>('sync.status', {})).deviceId });
    } finally {
      await admin.end();
    }

    // A client goes after its assessments; the other laptop deletes both, the assessment first.
    await kari.ok('assessments.delete', { id: second.id });
    await kari.ok('clients.delete', { id: second.clientId });
    expect(await kari.sync()).toMatchObject({ pushedDeletions: 2 });
    expect(await ola.sync()).toMatchObject({ pulledDeletions: 2, conflicts: 0 });
    expect(await clientNames(ola)).toEqual(['Sletting AS']);
    // Nothing comes back, and nothing more is sent, on later runs.
    expect(await ola.sync()).toMatchObject({ pulledAssessments: 0, pulledClients: 0, pulledDeletions: 0, pushedDeletions: 0 });
    expect(await kari.sync()).toMatchObject({ pulledAssessments: 0, pulledClients: 0, pulledDeletions: 0, pushedDeletions: 0 });
    expect(await titles(kari)).toEqual([]);
  }, 180_000);

  it('deleted here while changed on the server: a conflict; take theirs brings it back, keep both is refused', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const assessment = await newAssessment(kari, 'Konflikt AS', 'Slettet mot endret');
    await kari.sync();
    await ola.sync();
    await retitle(ola, assessment, 'Endret av Ola');
    await ola.sync();
    await kari.ok('assessments.delete', { id: assessment.id });
    expect(await kari.sync()).toMatchObject({ pushedDeletions: 0, pulledAssessments: 0, conflicts: 1 });
    expect(await titles(kari)).toEqual([]);
    const [conflict] = await kari.ok<ConflictSummary[]>('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'assessment', id: assessment.id, change: 'deletedHere', title: 'Endret av Ola', serverUpdatedBy: 'ola' });
    expect(await failure(kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepBoth' }))).toMatch(/not two versions/);
    await kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'takeTheirs' });
    expect(await titles(kari)).toEqual(['Endret av Ola']);
    expect(await kari.sync()).toMatchObject({ pushedAssessments: 0, pushedDeletions: 0, conflicts: 0 });

    // Again, and this time the deletion stands: keep mine sends it, and Ola's laptop deletes it too.
    await retitle(ola, assessment, 'Endret av Ola igjen');
    await ola.sync();
    await kari.ok('assessments.delete', { id: assessment.id });
    expect(await kari.sync()).toMatchObject({ conflicts: 1 });
    await kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepMine' });
    expect(await kari.sync()).toMatchObject({ pushedDeletions: 1, conflicts: 0 });
    expect(await ola.sync()).toMatchObject({ pulledDeletions: 1, conflicts: 0 });
    expect(await titles(ola)).toEqual([]);
  }, 180_000);

  it('changed here while deleted on the server: a conflict; keep mine sends it back, take theirs deletes it here', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const assessment = await newAssessment(kari, 'Gjenoppstått AS', 'Endret mot slettet');
    await kari.sync();
    await ola.sync();
    await kari.ok('assessments.delete', { id: assessment.id });
    await kari.sync();
    await retitle(ola, assessment, 'Ola jobbet videre');
    expect(await ola.sync()).toMatchObject({ pulledDeletions: 0, pushedAssessments: 0, conflicts: 1 });
    expect(await titles(ola)).toEqual(['Ola jobbet videre']);
    const [conflict] = await ola.ok<ConflictSummary[]>('sync.conflicts', {});
    expect(conflict).toMatchObject({ id: assessment.id, change: 'deletedThere', title: 'Ola jobbet videre', serverUpdatedBy: 'kari', takeTheirsBlocked: null });
    await ola.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepMine' });
    expect(await ola.sync()).toMatchObject({ pushedAssessments: 1, conflicts: 0 });
    expect(await kari.sync()).toMatchObject({ pulledAssessments: 1, conflicts: 0 });
    expect(await titles(kari)).toEqual(['Ola jobbet videre']);

    // Deleted there once more, changed here once more: take theirs deletes it here.
    await kari.ok('assessments.delete', { id: assessment.id });
    await kari.sync();
    await retitle(ola, assessment, 'Ola prøvde igjen');
    expect(await ola.sync()).toMatchObject({ conflicts: 1 });
    await ola.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'takeTheirs' });
    expect(await titles(ola)).toEqual([]);
    expect(await ola.sync()).toMatchObject({ pushedAssessments: 0, pushedDeletions: 0, conflicts: 0 });
  }, 180_000);

  it('a client deleted on the server but in use here is a conflict, not a deletion', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const client = await kari.ok<{ id: string }>('clients.create', { name: 'Brukes her AS' });
    await kari.sync();
    await ola.sync();
    await ola.ok('assessments.create', { clientId: client.id, title: 'Ny hos Ola', method: 'group', guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' });
    await kari.ok('clients.delete', { id: client.id });
    await kari.sync();
    // Ola's client is unchanged since the last sync, but an assessment of Ola's uses it.
    // Ola's new assessment of it is held back while its client is a tombstone there.
    expect(await ola.sync()).toMatchObject({ pulledDeletions: 0, pushedAssessments: 0, conflicts: 1 });
    expect((await ola.ok<TeamSyncStatus>('sync.status', {})).pending.assessments).toBe(1);
    const [conflict] = await ola.ok<ConflictSummary[]>('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'client', change: 'deletedThere', takeTheirsBlocked: 'clientInUse' });
    expect(await failure(ola.ok('sync.resolve', { kind: 'client', id: client.id, choice: 'takeTheirs' }))).toMatch(/has assessments here/);
    expect(await clientNames(ola)).toContain('Brukes her AS');
    await ola.ok('sync.resolve', { kind: 'client', id: client.id, choice: 'keepMine' });
    expect(await ola.sync()).toMatchObject({ pushedClients: 1, pushedAssessments: 1, conflicts: 0 });
    expect(await kari.sync()).toMatchObject({ pulledClients: 1, pulledAssessments: 1, quarantined: 0 });
    expect(await clientNames(kari)).toContain('Brukes her AS');
  }, 180_000);

  it('an assessment with an issued revision is never deleted: not by a conflict choice, not by hand-written SQL', async () => {
    const kari = await consultant('kari');
    const ola = await consultant('ola');
    const assessment = await newAssessment(kari, 'Utstedt AS', 'Utstedes av Ola');
    await kari.sync();
    await ola.sync();
    await kari.ok('assessments.delete', { id: assessment.id });
    await ola.ok('revisions.issue', { assessmentId: assessment.id, revision: 1, acceptGaps: true });
    await ola.sync();
    expect(await kari.sync()).toMatchObject({ pushedDeletions: 0, conflicts: 1 });
    expect(await failure(kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'keepMine' }))).toMatch(/issued revisions/);
    await kari.ok('sync.resolve', { kind: 'assessment', id: assessment.id, choice: 'takeTheirs' });
    const revisions = await kari.ok<{ revisions: { number: number }[] }>('revisions.list', { assessmentId: assessment.id });
    expect(revisions.revisions.map((r) => r.number)).toEqual([1]);

    // Even a consultant's own SQL cannot turn it into a tombstone.
    const server = await connectAs('kari');
    try {
      await expect(server.query(`UPDATE kartlegg.assessments SET deleted = true, record = NULL WHERE id = $1`, [assessment.id])).rejects.toThrow(/issued revisions/);
    } finally {
      await server.end();
    }
  }, 180_000);

  it('row-level security holds for tombstones: other firms and teams neither see nor write them', async () => {
    const kari = await consultant('kari');
    const assessment = await newAssessment(kari, 'Skjult sletting AS', 'Slettes i teamet');
    const kept = await newAssessment(kari, 'Skjult AS', 'Blir stående');
    await kari.sync();
    await kari.ok('assessments.delete', { id: assessment.id });
    await kari.sync();
    const per = await connectAs('per');
    const lise = await connectAs('lise');
    try {
      expect((await per.query('SELECT count(*)::int AS n FROM kartlegg.assessments WHERE deleted')).rows[0].n).toBe(0);
      expect((await lise.query('SELECT count(*)::int AS n FROM kartlegg.assessments WHERE deleted')).rows[0].n).toBe(0);
      // Nor can they delete (tombstone) the team's rows, or bring a tombstone back.
      expect((await per.query('UPDATE kartlegg.assessments SET deleted = true, record = NULL WHERE id = $1', [kept.id])).rowCount).toBe(0);
      expect((await lise.query('UPDATE kartlegg.assessments SET deleted = true, record = NULL WHERE id = $1', [kept.id])).rowCount).toBe(0);
      expect((await lise.query(`UPDATE kartlegg.assessments SET deleted = false, record = '{}' WHERE id = $1`, [assessment.id])).rowCount).toBe(0);
    } finally {
      await per.end();
      await lise.end();
    }
    const perFolder = await consultant('per');
    expect(await perFolder.sync()).toMatchObject({ pulledAssessments: 0, pulledDeletions: 0 });
    expect(await titles(kari)).toContain('Blir stående');
    expect(await titles(kari)).not.toContain('Slettes i teamet');
  }, 180_000);
});
