// The firm's own report templates through the team server, with the mechanics of guides: one
// consultant's template reaches a colleague's laptop, a newer version replaces the older one there,
// and a template that does not validate is set aside with its problems, nothing of it written.
// Real PostgreSQL started by the test; skipped only when none is installed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TeamSyncStatus } from '../../src-main/api/methods/sync';
import { findAppRoot } from '../../src-main/paths';
import { ownTemplateDir } from '../../src-main/reports/template-library';
import type { Consultant } from './fixtures/team-folders';
import { hasPostgres, teamTestBed } from './fixtures/team-bed';

const bed = teamTestBed('team-sync-templates tests', [
  { role: 'kari', firm: 'firma-a', team: 'renhold' },
  { role: 'ola', firm: 'firma-a', team: 'renhold' },
  { role: 'per', firm: 'firma-b' },
]);

const builtIn = JSON.parse(readFileSync(path.join(findAppRoot(), 'templates/reports/action-plan.json'), 'utf8')) as Record<string, unknown>;

function firmTemplate(version: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...builtIn, $schema: undefined, id: 'firma-handlingsplan', version, name: { nb: `Firmaets handlingsplan ${version}`, en: `Firm action plan ${version}` }, ...extra }, null, 2)}\n`;
}

function writeOwnTemplate(folder: Consultant, file: string, text: string): void {
  const dir = ownTemplateDir(folder.dataDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const templateVersions = async (folder: Consultant) => {
  const list = await folder.ok<{ templates: { id: string; version: string }[]; problems: unknown[] }>('reports.templates', {});
  return { versions: list.templates.filter((t) => t.id === 'firma-handlingsplan').map((t) => t.version), problems: list.problems };
};

describe.skipIf(!hasPostgres)('team sync of report templates', () => {
  it("shares the firm's own templates, takes a newer version, and sets an invalid one aside", async () => {
    const kari = await bed.consultant('kari');
    const ola = await bed.consultant('ola');
    writeOwnTemplate(kari, 'handlingsplan.json', firmTemplate('1.0'));
    expect(await kari.sync()).toMatchObject({ pushedTemplates: 1, quarantined: 0 });
    expect(await kari.sync()).toMatchObject({ pushedTemplates: 0, pulledTemplates: 0 });
    expect(await ola.sync()).toMatchObject({ pulledTemplates: 1, quarantined: 0 });
    expect(await templateVersions(ola)).toEqual({ versions: ['1.0'], problems: [] });

    // A newer version replaces the older one's file, so the id is never there twice.
    writeOwnTemplate(kari, 'handlingsplan.json', firmTemplate('1.1'));
    expect(await kari.sync()).toMatchObject({ pushedTemplates: 1 });
    expect(await ola.sync()).toMatchObject({ pulledTemplates: 1 });
    expect(await templateVersions(ola)).toEqual({ versions: ['1.1'], problems: [] });
    expect(readdirSync(ownTemplateDir(ola.dataDir))).toHaveLength(1);

    // A template with an unknown block, and one that is not JSON, put on the server by hand.
    const admin = await bed.cluster().admin();
    try {
      const bad = firmTemplate('2.0', { sections: [{ blocks: [{ type: 'noSuchBlock' }] }] });
      await admin.query(`INSERT INTO kartlegg.templates (firm_id, team_id, template_id, version, content, sha256) VALUES ('firma-a', 'renhold', 'firma-handlingsplan', '2.0', $1, repeat('e', 64))`, [bad]);
      await admin.query(`INSERT INTO kartlegg.templates (firm_id, team_id, template_id, version, content, sha256) VALUES ('firma-a', 'renhold', 'skadet-mal', '1.0', '{ ikke json', repeat('f', 64))`);
    } finally {
      await admin.end();
    }
    expect(await ola.sync()).toMatchObject({ pulledTemplates: 0, quarantined: 2 });
    const status = await ola.ok<TeamSyncStatus>('sync.status', {});
    expect(status.quarantined).toEqual([
      expect.objectContaining({ kind: 'template', id: 'firma-handlingsplan 2.0', reason: 'invalidTemplate', detail: expect.stringContaining('noSuchBlock') }),
      expect.objectContaining({ kind: 'template', id: 'skadet-mal 1.0', reason: 'invalidTemplate' }),
    ]);
    // Nothing of them was written: version 1.1 stays the one offered.
    expect(await templateVersions(ola)).toEqual({ versions: ['1.1'], problems: [] });
    expect(readdirSync(ownTemplateDir(ola.dataDir))).toHaveLength(1);

    // Another firm sees none of firm A's templates.
    const per = await bed.connectAs('per');
    try {
      expect((await per.query('SELECT count(*)::int AS n FROM kartlegg.templates')).rows[0].n).toBe(0);
    } finally {
      await per.end();
    }
    const perFolder = await bed.consultant('per');
    expect(await perFolder.sync()).toMatchObject({ pulledTemplates: 0, quarantined: 0 });
  }, 180_000);
});
