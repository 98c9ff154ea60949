// One bad record on the team server never stops a sync: a damaged record, one whose guide does not
// validate, one from a newer Kartlegg and an invalid guide are each set aside here with their reason,
// nothing of them is written, everything else arrives, and a later sync takes them once they are
// fixed. Real PostgreSQL started by the test; skipped only when none is installed.
import { describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../src-main/api/methods/sync';
import type { AssessmentDetails } from '../../src-main/core/assessments';
import { hasPostgres, teamTestBed, titles } from './fixtures/team-bed';

const bed = teamTestBed('team-sync-quarantine tests', [
  { role: 'kari', firm: 'firma-a', team: 'renhold' },
  { role: 'ola', firm: 'firma-a', team: 'renhold' },
]);
const consultant = (role: string) => bed.consultant(role);

async function asAdmin(sql: string, params: unknown[] = []): Promise<void> {
  const admin = await bed.cluster().admin();
  try {
    await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

describe.skipIf(!hasPostgres)('team sync with bad records on the server', () => {
  it('sets each bad record aside with its reason, takes the rest, and takes a fixed record on the next sync', async () => {
    const kari = await consultant('kari');
    const client = await kari.ok<{ id: string }>('clients.create', { name: 'Karantene AS' });
    const create = (title: string) =>
      kari.ok<AssessmentDetails>('assessments.create', { clientId: client.id, title, method: 'group', guideId: 'psychosocial-cleaning', guideVersion: '1.0.0' });
    const damaged = await create('Skadet');
    const newer = await create('Fra en nyere versjon');
    const badGuide = await create('Med ugyldig veileder');
    await create('Frisk');
    expect(await kari.sync()).toMatchObject({ pushedAssessments: 4, quarantined: 0 });

    // What a bug, a newer Kartlegg or a hand edit could leave on the server.
    const admin = await bed.cluster().admin();
    const original = (await admin.query('SELECT record, sha256 FROM kartlegg.assessments WHERE id = $1', [damaged.id])).rows[0];
    await admin.end();
    await asAdmin(`UPDATE kartlegg.assessments SET record = '"ikke et objekt"'::jsonb, sha256 = repeat('b', 64) WHERE id = $1`, [damaged.id]);
    await asAdmin(`UPDATE kartlegg.assessments SET format_version = 99, sha256 = repeat('c', 64), record = jsonb_set(record, '{assessment,title}', '"Nyere"') WHERE id = $1`, [newer.id]);
    await asAdmin(`INSERT INTO kartlegg.guides (firm_id, team_id, guide_id, version, content, sha256) VALUES ('firma-a', 'renhold', 'egen-veileder', '1.0', '{ ikke json', repeat('a', 64))`);
    await asAdmin(
      `UPDATE kartlegg.assessments SET sha256 = repeat('d', 64), record = jsonb_set(jsonb_set(record, '{assessment,guideId}', '"egen-veileder"'), '{assessment,guideVersion}', '"1.0"') WHERE id = $1`,
      [badGuide.id],
    );

    // A new laptop: the one good assessment arrives, the three bad ones and the guide are set aside.
    const ola = await consultant('ola');
    const counts = await ola.sync();
    expect(counts).toMatchObject({ pulledAssessments: 1, pulledClients: 1, pulledGuides: 0, quarantined: 4, conflicts: 0 });
    expect(await titles(ola)).toEqual(['Frisk']);
    const status = await ola.ok<TeamSyncStatus>('sync.status', {});
    const byId = new Map(status.quarantined.map((q) => [q.id, q]));
    expect(byId.get(damaged.id)).toMatchObject({ kind: 'assessment', reason: 'notARecord', serverVersion: 2 });
    expect(byId.get(newer.id)).toMatchObject({ kind: 'assessment', reason: 'newerFormat', detail: expect.stringContaining('format 99') });
    expect(byId.get(badGuide.id)).toMatchObject({ kind: 'assessment', reason: 'invalidRecord', detail: expect.stringMatching(/guide/i) });
    expect(byId.get('egen-veileder 1.0')).toMatchObject({ kind: 'guide', reason: 'invalidGuide' });
    // Nothing of the bad records was written here, and nothing is queued to be sent back.
    expect(status.pending).toEqual({ clients: 0, assessments: 0, deletions: 0 });
    expect((await ola.ok<{ guides: { id: string }[] }>('guides.list', {})).guides.some((guide) => guide.id === 'egen-veileder')).toBe(false);

    // The laptop that has them keeps its own versions untouched.
    expect(await kari.sync()).toMatchObject({ pulledAssessments: 0, quarantined: 4, conflicts: 0 });
    expect(await titles(kari)).toEqual(['Fra en nyere versjon', 'Frisk', 'Med ugyldig veileder', 'Skadet']);

    // Each sync tries again: once fixed on the server, the record arrives and leaves the quarantine.
    expect(await ola.sync()).toMatchObject({ pulledAssessments: 0, quarantined: 4 });
    await asAdmin('UPDATE kartlegg.assessments SET record = $2, sha256 = $3 WHERE id = $1', [damaged.id, original.record, original.sha256]);
    await asAdmin(`DELETE FROM kartlegg.guides WHERE guide_id = 'egen-veileder'`);
    expect(await ola.sync()).toMatchObject({ pulledAssessments: 1, quarantined: 2 });
    expect(await titles(ola)).toEqual(['Frisk', 'Skadet']);
    const after = await ola.ok<TeamSyncStatus>('sync.status', {});
    expect(after.quarantined.map((q) => q.id).sort()).toEqual([badGuide.id, newer.id].sort());
  }, 180_000);
});
