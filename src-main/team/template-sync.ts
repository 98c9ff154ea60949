// The firm's own report templates through the team server, as guides go: immutable per id and version.
// Sent: every valid template of this machine's own template folder the server lacks. Fetched: for a
// template id that is not built in, the newest valid version the server has that is newer than this
// machine's; it is written to the own folder (atomically, replacing the older version's file). A
// template that does not validate is set aside with its problems, and tried again by the next sync.
import path from 'node:path';
import type { ClientBase } from 'pg';
import type { QuarantinedRecord } from '../core/team-sync';
import { parseReportTemplate } from '../reports/parse-template';
import { freeFileName, writeFileAtomically } from '../reports/report-files';
import { builtInTemplateDir, loadTemplateLibrary, ownTemplateDir, readTemplateFolder } from '../reports/template-library';
import { bytesSha256 } from '../transfer/package-format';

export interface TemplateFolders {
  appRoot: string;
  dataDir: string;
}

interface OwnTemplate {
  file: string;
  id: string;
  version: string;
  text: string;
}

/** The valid templates of the own folder (an invalid one is the library's problem to report, not sync's). */
async function ownTemplates(dataDir: string): Promise<OwnTemplate[]> {
  const read = await readTemplateFolder(ownTemplateDir(dataDir), true);
  if (!Array.isArray(read)) return [];
  const out: OwnTemplate[] = [];
  for (const file of read) {
    if (!('text' in file)) continue;
    const parsed = parseReportTemplate(file.text, file.source);
    if (parsed.ok) out.push({ file: path.basename(file.source), id: parsed.template.id, version: parsed.template.version, text: file.text });
  }
  return out;
}

/** Compares versions such as 1.0 and 1.2.3 part by part. */
export function compareTemplateVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Sends the own templates the server lacks, in one transaction; returns how many were new there. */
export async function pushTemplates(server: ClientBase, deviceId: string, folders: TemplateFolders): Promise<number> {
  const mine = await ownTemplates(folders.dataDir);
  if (mine.length === 0) return 0;
  const rows = mine.map((t) => ({ template_id: t.id, version: t.version, content: t.text, sha256: bytesSha256(new TextEncoder().encode(t.text)) }));
  await server.query('BEGIN');
  try {
    await server.query("SELECT set_config('kartlegg.device', $1, true)", [deviceId]);
    const result = await server.query(
      `INSERT INTO kartlegg.templates (template_id, version, content, sha256)
       SELECT x.template_id, x.version, x.content, x.sha256 FROM jsonb_to_recordset($1::jsonb) AS x(template_id text, version text, content text, sha256 text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
    await server.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await server.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

export interface PulledTemplates {
  written: number;
  rejected: QuarantinedRecord[];
}

/** Fetches newer templates into the own folder; returns how many were written and which were set aside. */
export async function pullTemplates(server: ClientBase, folders: TemplateFolders, now: string): Promise<PulledTemplates> {
  const result = await server.query<{ template_id: string; version: string; content: string }>(
    'SELECT DISTINCT ON (template_id, version) template_id, version, content FROM kartlegg.templates ORDER BY template_id, version, created_at',
  );
  const builtIn = new Set((await loadTemplateLibrary([{ dir: builtInTemplateDir(folders.appRoot), builtIn: true }])).list().map((t) => t.id));
  const mine = new Map((await ownTemplates(folders.dataDir)).map((t) => [t.id, t]));
  const rejected: QuarantinedRecord[] = [];
  const newest = new Map<string, { version: string; text: string }>();
  for (const row of result.rows) {
    if (builtIn.has(row.template_id)) continue;
    const have = mine.get(row.template_id);
    if (have && compareTemplateVersions(row.version, have.version) <= 0) continue;
    const key = `${row.template_id} ${row.version}`;
    const parsed = parseReportTemplate(row.content, `team server template ${key}`);
    let problem: string | null = null;
    if (!parsed.ok) problem = parsed.problems.map((p) => `${p.path} ${p.message}`.trim()).join('; ');
    else if (parsed.template.id !== row.template_id || parsed.template.version !== row.version) {
      problem = `the file is template "${parsed.template.id}" version ${parsed.template.version}, not ${key}`;
    }
    if (problem !== null) {
      rejected.push({ kind: 'template', id: key, serverVersion: null, reason: 'invalidTemplate', detail: problem, detectedAt: now });
      continue;
    }
    const best = newest.get(row.template_id);
    if (!best || compareTemplateVersions(row.version, best.version) > 0) newest.set(row.template_id, { version: row.version, text: row.content });
  }
  const dir = ownTemplateDir(folders.dataDir);
  for (const [id, template] of newest) {
    // The older version's file is replaced, so the library never holds the id twice.
    const name = mine.get(id)?.file ?? freeFileName(dir, id, 'json');
    writeFileAtomically(dir, name, new TextEncoder().encode(template.text));
  }
  return { written: newest.size, rejected };
}
