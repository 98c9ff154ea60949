// Packages end to end on real data folders: export → import into an empty folder gives the same content
// (encrypted and not), a second import changes nothing, conflicts wait for the consultant's choice, and
// older formats and packaged guides are handled.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentDetails } from '../../src-main/core/assessments';
import type { BackupListing } from '../../src-main/core/backups';
import type { PackageImportResult, PackagePreview } from '../../src-main/core/transfer-preview';
import type { ExportedFile } from '../../src-main/api/methods/transfer';
import type { AssessmentResults } from '../../src-main/api/methods/results';
import { makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { appRoot, dataChecksum, dataContent, expectSameContent, fails, fixture, ok, populate, type PopulatedData } from './fixtures/transfer-data';

const folders: string[] = [];
const runtimes: ApiRuntime[] = [];

async function open(): Promise<{ runtime: ApiRuntime; dataDir: string }> {
  const dataDir = makeTempDir();
  folders.push(dataDir);
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  runtimes.push(runtime);
  return { runtime, dataDir };
}

afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
  for (const folder of folders.splice(0)) removeTempDir(folder);
});

const upload = (file: ExportedFile | string, fileName = 'pakke.kartlegg') =>
  typeof file === 'string'
    ? { fileName: file, contentBase64: readFileSync(fixture('packages', file)).toString('base64') }
    : { fileName, contentBase64: file.contentBase64 };

const backups = (runtime: ApiRuntime) => ok<BackupListing[]>(runtime, 'backups.list', {});

describe('round trip', () => {
  let source: { runtime: ApiRuntime; dataDir: string };
  let data: PopulatedData;

  beforeEach(async () => {
    source = await open();
    data = await populate(source.runtime, source.dataDir);
  });

  for (const passphrase of [undefined, 'et langt og hemmelig passord']) {
    it(`export → import into an empty data folder gives every table the same content (${passphrase ? 'encrypted' : 'not encrypted'})`, async () => {
      const file = await ok<ExportedFile>(source.runtime, 'transfer.exportPackage', { assessmentIds: [data.first, data.second, data.other], passphrase });
      expect(file.fileName).toMatch(/\.kartlegg$/);
      const target = await open();
      const before = await backups(target.runtime);

      const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', { ...upload(file), passphrase });
      expect(preview.encrypted).toBe(passphrase !== undefined);
      expect(preview.assessments.map((a) => a.status)).toEqual(['new', 'new', 'new']);
      expect(preview.clients.map((c) => c.status)).toEqual(['new', 'new']);
      expect(preview.guides).toEqual([
        { id: 'psychosocial-cleaning', version: '1.0.0', status: 'installed', differsFromInstalled: false },
        { id: 'example-workload', version: '1.0', status: 'install', differsFromInstalled: false },
      ]);

      const result = await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', {
        ...upload(file),
        passphrase,
        expectedSha256: preview.sha256,
        installGuides: true,
      });
      expect(result).toMatchObject({ changed: true, added: 3, installedGuides: ['example-workload 1.0'] });
      expect((await backups(target.runtime)).length).toBe(before.length + 1);
      expect((await backups(target.runtime))[0].reason).toBe('before-import');

      expectSameContent(source.dataDir, target.dataDir);
      expect(dataContent(target.dataDir).survey_responses).toHaveLength(12);
      // The receiver scores the assessment as the sender does, survey respondents included.
      const there = await ok<AssessmentResults>(target.runtime, 'results.get', { assessmentId: data.first });
      const here = await ok<AssessmentResults>(source.runtime, 'results.get', { assessmentId: data.first });
      expect(there.result).toEqual(here.result);
      const later = await ok<AssessmentResults>(target.runtime, 'results.get', { assessmentId: data.second });
      expect(later.prior?.assessmentId).toBe(data.first);
    });
  }

  it('importing the same package twice changes nothing, and a package into its own data folder finds everything there', async () => {
    const file = await ok<ExportedFile>(source.runtime, 'transfer.exportPackage', { assessmentIds: [data.first, data.second, data.other] });
    const target = await open();
    await ok(target.runtime, 'transfer.importPackage', { ...upload(file), installGuides: true });
    const checksum = dataChecksum(target.dataDir);
    const backupCount = (await backups(target.runtime)).length;

    const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload(file));
    expect(preview.hasChanges).toBe(false);
    expect(preview.assessments.map((a) => a.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const again = await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', upload(file));
    expect(again).toMatchObject({ changed: false, unchanged: 3, backup: null });
    expect(dataChecksum(target.dataDir)).toBe(checksum);
    expect((await backups(target.runtime)).length).toBe(backupCount);

    const own = await ok<PackagePreview>(source.runtime, 'transfer.previewPackage', upload(file));
    expect(own.hasChanges).toBe(false);
  });

  it('an assessment whose prior is not in the package loses the link, and a second import still finds it unchanged', async () => {
    const file = await ok<ExportedFile>(source.runtime, 'transfer.exportPackage', { assessmentIds: [data.second] });
    const target = await open();
    const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload(file));
    expect(preview.priorDropped).toEqual(['Kartlegging 2025']);
    await ok(target.runtime, 'transfer.importPackage', upload(file));
    expect((await ok<AssessmentDetails>(target.runtime, 'assessments.get', { id: data.second })).priorAssessmentId).toBeNull();
    expect((await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', upload(file))).changed).toBe(false);
  });
});

describe('conflicts', () => {
  const assessmentId = '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
  let target: { runtime: ApiRuntime; dataDir: string };

  beforeEach(async () => {
    target = await open();
    await ok(target.runtime, 'transfer.importPackage', upload('valid.kartlegg'));
    const current = await ok<AssessmentDetails>(target.runtime, 'assessments.get', { id: assessmentId });
    const { id, clientId, unitId, mandate, method, consultant, plannedStart, plannedEnd, guideId, guideVersion, minGroupSize, priorAssessmentId, followUpDate } = current;
    await ok(target.runtime, 'assessments.update', {
      id,
      clientId,
      unitId,
      title: 'Kartlegging 2024, rettet her',
      mandate,
      method,
      consultant,
      plannedStart,
      plannedEnd,
      guideId,
      guideVersion,
      minGroupSize,
      priorAssessmentId,
      followUpDate,
    });
  });

  it('shows a conflict and imports nothing until it is resolved', async () => {
    const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload('valid.kartlegg'));
    const [conflict] = preview.assessments;
    expect(conflict.status).toBe('conflict');
    expect(conflict.local?.title).toBe('Kartlegging 2024, rettet her');
    expect(conflict.incoming.title).toBe('Kartlegging 2024');
    expect(conflict.differentSections).toEqual(['assessment']);
    expect(conflict.differentFields).toEqual(expect.arrayContaining(['title', 'status', 'revision', 'updatedAt']));
    expect(conflict.takeTheirsBlocked).toBeNull();

    const checksum = dataChecksum(target.dataDir);
    const error = await fails(target.runtime, 'transfer.importPackage', upload('valid.kartlegg'));
    expect(error.code).toBe('conflict');
    expect(error.issues?.[0]).toMatchObject({ path: `assessments.${assessmentId}`, key: 'conflictOpen' });
    expect(dataChecksum(target.dataDir)).toBe(checksum);
  });

  it('keep mine changes nothing', async () => {
    const checksum = dataChecksum(target.dataDir);
    const result = await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', {
      ...upload('valid.kartlegg'),
      assessmentChoices: { [assessmentId]: 'keepMine' },
    });
    expect(result).toMatchObject({ changed: false, keptMine: 1 });
    expect(dataChecksum(target.dataDir)).toBe(checksum);
  });

  it('take theirs replaces the assessment with the package’s, keeping its id', async () => {
    const result = await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', {
      ...upload('valid.kartlegg'),
      assessmentChoices: { [assessmentId]: 'takeTheirs' },
    });
    expect(result).toMatchObject({ changed: true, replaced: 1 });
    const assessment = await ok<AssessmentDetails>(target.runtime, 'assessments.get', { id: assessmentId });
    expect(assessment).toMatchObject({ title: 'Kartlegging 2024', status: 'issued', revision: 1 });
    expect((await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload('valid.kartlegg'))).hasChanges).toBe(false);
  });

  it('keep both stores the incoming assessment as a copy with new ids, titled "(importert)", once', async () => {
    const result = await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', {
      ...upload('valid.kartlegg'),
      assessmentChoices: { [assessmentId]: 'keepBoth' },
    });
    expect(result).toMatchObject({ changed: true, copied: 1 });
    const copyId = result.assessmentIds[0];
    expect(copyId).not.toBe(assessmentId);
    const copy = await ok<AssessmentDetails>(target.runtime, 'assessments.get', { id: copyId });
    expect(copy.title).toBe('Kartlegging 2024 (importert)');
    expect(copy.interviews).toHaveLength(1);
    expect(copy.interviews[0].id).not.toBe('9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f');
    expect((await ok<AssessmentDetails>(target.runtime, 'assessments.get', { id: assessmentId })).title).toBe('Kartlegging 2024, rettet her');
    withRawDb(target.dataDir, (db) => {
      expect(db.prepare('SELECT original_id FROM assessment_copies WHERE copy_id = ?').get(copyId)).toEqual({ original_id: assessmentId });
      // The copied measure points at the copied finding.
      const measure = db.prepare('SELECT finding_id FROM measures WHERE assessment_id = ?').get(copyId) as { finding_id: string };
      expect(db.prepare('SELECT assessment_id FROM findings WHERE id = ?').get(measure.finding_id)).toEqual({ assessment_id: copyId });
    });

    const checksum = dataChecksum(target.dataDir);
    const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload('valid.kartlegg'));
    expect(preview.assessments[0].status).toBe('alreadyCopied');
    expect((await ok<PackageImportResult>(target.runtime, 'transfer.importPackage', upload('valid.kartlegg'))).changed).toBe(false);
    expect(dataChecksum(target.dataDir)).toBe(checksum);
  });

  it('take theirs is refused when it would throw away a revision issued here', async () => {
    withRawDb(target.dataDir, (db) =>
      db
        .prepare(`INSERT INTO revisions (id, assessment_id, number, frozen_at, snapshot) VALUES ('0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3', ?, 2, ?, '{}')`)
        .run(assessmentId, new Date().toISOString()),
    );
    const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload('valid.kartlegg'));
    expect(preview.assessments[0].takeTheirsBlocked).toEqual({ reason: 'issuedRevision', revision: 2 });
    const checksum = dataChecksum(target.dataDir);
    const error = await fails(target.runtime, 'transfer.importPackage', { ...upload('valid.kartlegg'), assessmentChoices: { [assessmentId]: 'takeTheirs' } });
    expect(error.issues?.[0].key).toBe('takeTheirsBlocked');
    expect(dataChecksum(target.dataDir)).toBe(checksum);
  });

  it('a client edited here is a conflict of its own', async () => {
    const client = (await ok<AssessmentDetails>(target.runtime, 'assessments.get', { id: assessmentId })).clientId;
    await ok(target.runtime, 'clients.update', { id: client, name: 'Fjordglans Renhold AS', orgNumber: '923609016', city: 'Bergen sentrum' });
    const preview = await ok<PackagePreview>(target.runtime, 'transfer.previewPackage', upload('valid.kartlegg'));
    expect(preview.clients[0]).toMatchObject({ status: 'conflict', differences: expect.arrayContaining(['city', 'updatedAt']) });
    await ok(target.runtime, 'transfer.importPackage', {
      ...upload('valid.kartlegg'),
      clientChoices: { [client]: 'takeTheirs' },
      assessmentChoices: { [assessmentId]: 'keepMine' },
    });
    expect((await ok<{ city: string }>(target.runtime, 'clients.get', { id: client })).city).toBe('Bergen');
  });
});

describe('packages from elsewhere', () => {
  it('matches a client by organisation number when its id is different here', async () => {
    const { runtime } = await open();
    const local = await ok<{ id: string }>(runtime, 'clients.create', { name: 'Fjordglans (registrert her)', orgNumber: '923 609 016' });
    const preview = await ok<PackagePreview>(runtime, 'transfer.previewPackage', upload('valid.kartlegg'));
    expect(preview.clients[0]).toMatchObject({ status: 'matchedByOrgNumber', localName: 'Fjordglans (registrert her)' });
    await ok(runtime, 'transfer.importPackage', upload('valid.kartlegg'));
    const assessment = await ok<AssessmentDetails>(runtime, 'assessments.get', { id: '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' });
    expect(assessment.clientId).toBe(local.id);
    expect(assessment.unitName).toBe('Kontorbygg sentrum');
  });

  it('upgrades a package of format version 0', async () => {
    const { runtime } = await open();
    const preview = await ok<PackagePreview>(runtime, 'transfer.previewPackage', upload('v0-minimal.kartlegg'));
    expect(preview).toMatchObject({ formatVersion: 0, upgraded: true, createdBy: { version: '0.0.9' } });
    await ok(runtime, 'transfer.importPackage', upload('v0-minimal.kartlegg'));
    const interview = await ok<{ answers: { itemId: string; answer: unknown }[] }>(runtime, 'interviews.get', { id: '9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f' });
    expect(interview.answers.find((a) => a.itemId === 'workload.4')?.answer).toEqual({ kind: 'notApplicable' });
    expect(interview.answers.find((a) => a.itemId === 'workload.1')?.answer).toEqual({ kind: 'consensus', value: 4, participants: 6 });
  });

  it('offers to install a guide only the package has, and installs it only when asked', async () => {
    const { runtime, dataDir } = await open();
    const preview = await ok<PackagePreview>(runtime, 'transfer.previewPackage', upload('guide-in-package.kartlegg'));
    expect(preview.guides).toEqual([{ id: 'example-workload', version: '1.0', status: 'install', differsFromInstalled: false }]);
    const checksum = dataChecksum(dataDir);
    const error = await fails(runtime, 'transfer.importPackage', upload('guide-in-package.kartlegg'));
    expect(error.issues?.[0]).toMatchObject({ path: 'installGuides', key: 'guideInstallNeeded' });
    expect(dataChecksum(dataDir)).toBe(checksum);
    await ok(runtime, 'transfer.importPackage', { ...upload('guide-in-package.kartlegg'), installGuides: true });
    const guides = await ok<{ guides: { id: string }[] }>(runtime, 'guides.list', {});
    expect(guides.guides.map((g) => g.id)).toContain('example-workload');
  });

  it('refuses a file that is not the one previewed', async () => {
    const { runtime } = await open();
    const error = await fails(runtime, 'transfer.importPackage', { ...upload('valid.kartlegg'), expectedSha256: '0'.repeat(64) });
    expect(error.code).toBe('conflict');
  });
});
