// Reads and writes survey respondents (one row each, never a name) and the column mappings remembered per guide.
import type { SurveyAnswers, SurveyResponseRecord } from '../core/package-records';
import type { Db } from './sqlite';

interface SurveyResponseRow {
  id: string;
  position: number;
  language: string | null;
  answered_on: string | null;
  answers: string;
}

function toSurveyResponse(row: SurveyResponseRow): SurveyResponseRecord {
  return {
    id: row.id,
    position: row.position,
    language: row.language,
    answeredOn: row.answered_on,
    answers: JSON.parse(row.answers) as SurveyAnswers,
  };
}

export function listSurveyResponses(db: Db, interviewId: string): SurveyResponseRecord[] {
  return (
    db
      .prepare('SELECT id, position, language, answered_on, answers FROM survey_responses WHERE interview_id = ? ORDER BY position, id')
      .all(interviewId) as SurveyResponseRow[]
  ).map(toSurveyResponse);
}

export interface NewSurveyResponse {
  position: number;
  language: string | null;
  answeredOn: string | null;
  answers: SurveyAnswers;
}

/** Inserts the respondents with the given ids, or fresh ones; call inside the caller's transaction. */
export function insertSurveyResponses(db: Db, interviewId: string, responses: readonly (NewSurveyResponse & { id?: string })[]): void {
  const insert = db.prepare('INSERT INTO survey_responses (id, interview_id, position, language, answered_on, answers) VALUES (?, ?, ?, ?, ?, ?)');
  for (const response of responses) {
    insert.run(response.id ?? crypto.randomUUID(), interviewId, response.position, response.language, response.answeredOn, JSON.stringify(response.answers));
  }
}

export function countSurveyResponses(db: Db, interviewId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM survey_responses WHERE interview_id = ?').get(interviewId) as { n: number }).n;
}

/** Column header (folded) → target, as the consultant last mapped it for this guide. */
export function loadColumnMappings(db: Db, guideId: string): Map<string, string> {
  const rows = db.prepare('SELECT header, target FROM survey_column_mappings WHERE guide_id = ?').all(guideId) as { header: string; target: string }[];
  return new Map(rows.map((row) => [row.header, row.target]));
}

export function saveColumnMappings(db: Db, guideId: string, mappings: readonly { header: string; target: string }[], now: string): void {
  const upsert = db.prepare(
    `INSERT INTO survey_column_mappings (guide_id, header, target, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(guide_id, header) DO UPDATE SET target = excluded.target, updated_at = excluded.updated_at`,
  );
  for (const { header, target } of mappings) upsert.run(guideId, header, target, now);
}

/** Marks a survey interview as part of an import batch; call inside the import's transaction. */
export function assignSurveyImport(db: Db, interviewId: string, importId: string): void {
  db.prepare("UPDATE interviews SET import_id = ? WHERE id = ? AND kind = 'survey'").run(importId, interviewId);
}

/** The respondents of an import batch (language, date, answers), for comparing with a new file. */
export function surveyRowsOfImport(db: Db, importId: string): { language: string | null; answeredOn: string | null; answers: SurveyAnswers }[] {
  const rows = db
    .prepare(
      `SELECT r.language, r.answered_on AS answeredOn, r.answers FROM survey_responses r
       JOIN interviews i ON i.id = r.interview_id WHERE i.import_id = ?`,
    )
    .all(importId) as { language: string | null; answeredOn: string | null; answers: string }[];
  return rows.map((row) => ({ ...row, answers: JSON.parse(row.answers) as SurveyAnswers }));
}

/** The interviews of an import batch, each with its group and number of respondents. */
export function surveyImportGroups(db: Db, importId: string): { interviewId: string; group: string; respondents: number }[] {
  return db
    .prepare(
      `SELECT i.id AS interviewId, i.group_name AS "group", (SELECT count(*) FROM survey_responses r WHERE r.interview_id = i.id) AS respondents
       FROM interviews i WHERE i.import_id = ? ORDER BY i.group_name, i.id`,
    )
    .all(importId) as { interviewId: string; group: string; respondents: number }[];
}

/** Deletes an import batch's interviews with their respondents; call inside a transaction. */
export function deleteSurveyImportInterviews(db: Db, importId: string): void {
  db.prepare('DELETE FROM interviews WHERE import_id = ?').run(importId);
}
