// Records every report export: template and version, revision, language, time and each file's SHA-256.
import type { IssuedReport, IssuedReportFile } from '../core/issued-reports';
import type { Db } from './database';
import { parseJson } from './rows';

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
