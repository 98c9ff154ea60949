// Records every report export: template and version, revision, language, time and each file's SHA-256,
// and (in an encrypted data folder) the files themselves.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { IssuedReport, IssuedReportFile } from '../core/issued-reports';
import type { Db } from './sqlite';
import { parseJson } from './rows';

/** Where a plain data folder keeps an assessment's issued report files. */
export function reportFolder(dataDir: string, assessmentId: string): string {
  return path.join(dataDir, 'reports', assessmentId);
}

interface IssuedReportRow {
  id: string;
  assessment_id: string;
  revision: number;
  template_id: string;
  template_version: string;
  language: string;
  files: string;
  issued_at: string;
}

function toIssuedReport(row: IssuedReportRow): IssuedReport {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    revision: row.revision,
    templateId: row.template_id,
    templateVersion: row.template_version,
    language: row.language,
    files: parseJson<IssuedReportFile[]>(row.files, []),
    issuedAt: row.issued_at,
  };
}

export function insertIssuedReport(db: Db, report: IssuedReport): void {
  db.prepare(
    `INSERT INTO issued_reports (id, assessment_id, revision, template_id, template_version, language, files, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(report.id, report.assessmentId, report.revision, report.templateId, report.templateVersion, report.language, JSON.stringify(report.files), report.issuedAt);
}

/** Newest first. */
export function listIssuedReports(db: Db, assessmentId: string): IssuedReport[] {
  return (db.prepare('SELECT * FROM issued_reports WHERE assessment_id = ? ORDER BY issued_at DESC, rowid DESC').all(assessmentId) as IssuedReportRow[]).map(
    toIssuedReport,
  );
}

export function findIssuedReport(db: Db, id: string): IssuedReport | undefined {
  const row = db.prepare('SELECT * FROM issued_reports WHERE id = ?').get(id) as IssuedReportRow | undefined;
  return row && toIssuedReport(row);
}

/** A file of an issued report kept inside the database (an encrypted data folder keeps them there). */
export function insertIssuedReportContent(db: Db, reportId: string, format: string, content: Uint8Array): void {
  db.prepare('INSERT INTO issued_report_contents (report_id, format, content) VALUES (?, ?, ?)').run(reportId, format, Buffer.from(content));
}

export function findIssuedReportContent(db: Db, reportId: string, format: string): Buffer | undefined {
  return (db.prepare('SELECT content FROM issued_report_contents WHERE report_id = ? AND format = ?').get(reportId, format) as { content: Buffer } | undefined)?.content;
}

/** The issued reports whose files are (or were) kept as files in the data folder, not in the database. */
export function listReportsWithFilesOutside(db: Db): IssuedReport[] {
  return (
    db
      .prepare('SELECT * FROM issued_reports r WHERE NOT EXISTS (SELECT 1 FROM issued_report_contents c WHERE c.report_id = r.id) ORDER BY rowid')
      .all() as IssuedReportRow[]
  ).map(toIssuedReport);
}

/**
 * Moves issued report files from reports/<assessment id>/ into the database, for an encrypted data
 * folder, where nothing readable (and no client name in a file name) may stay outside it. Files are
 * removed only after the commit; one left by a crash in between is removed the next time, as are
 * half-written temp files. Returns the files that stay because no issued report names them.
 */
export function moveReportFilesIntoDatabase(db: Db, dataDir: string): string[] {
  const outside = listReportsWithFilesOutside(db);
  db.transaction(() => {
    for (const report of outside) {
      for (const file of report.files) {
        const source = path.join(reportFolder(dataDir, report.assessmentId), path.basename(file.fileName));
        if (existsSync(source)) insertIssuedReportContent(db, report.id, file.format, readFileSync(source));
      }
    }
  })();
  const root = path.join(dataDir, 'reports');
  if (!existsSync(root)) return [];
  const stored = new Map<string, Set<string>>();
  for (const report of (db.prepare('SELECT * FROM issued_reports').all() as IssuedReportRow[]).map(toIssuedReport)) {
    const names = stored.get(report.assessmentId) ?? new Set<string>();
    for (const file of report.files) if (findIssuedReportContent(db, report.id, file.format)) names.add(file.fileName);
    stored.set(report.assessmentId, names);
  }
  const left: string[] = [];
  for (const assessmentId of readdirSync(root)) {
    const dir = path.join(root, assessmentId);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      left.push(dir);
      continue;
    }
    for (const name of names) {
      if (name.endsWith('.tmp') || stored.get(assessmentId)?.has(name)) rmSync(path.join(dir, name), { force: true });
      else left.push(path.join(dir, name));
    }
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
  if (readdirSync(root).length === 0) rmdirSync(root);
  return left;
}
