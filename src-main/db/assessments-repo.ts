// Reads and writes assessments.
import type { Assessment, AssessmentMethod, AssessmentStatus, AssessmentSummary } from '../core/assessments';
import type { Db } from './sqlite';

/** What a user sets on an assessment; status, revision and timestamps the app keeps itself. */
export type AssessmentValues = Omit<Assessment, 'id' | 'status' | 'revision' | 'createdAt' | 'updatedAt'>;

interface AssessmentRow {
  id: string;
  client_id: string;
  unit_id: string | null;
  title: string;
  mandate: string;
  method: AssessmentMethod;
  consultant: string;
  planned_start: string | null;
  planned_end: string | null;
  guide_id: string;
  guide_version: string;
  modules: string;
  min_group_size: number;
  status: AssessmentStatus;
  revision: number;
  prior_assessment_id: string | null;
  follow_up_date: string | null;
  conclusions: string;
  no_results_reason: string;
  created_at: string;
  updated_at: string;
  client_name: string;
  unit_name: string | null;
  interview_count: number;
  completed_interview_count: number;
}

function toAssessment(row: AssessmentRow): AssessmentSummary {
  const assessment: Assessment = {
    id: row.id,
    clientId: row.client_id,
    unitId: row.unit_id,
    title: row.title,
    mandate: row.mandate,
    method: row.method,
    consultant: row.consultant,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    guideId: row.guide_id,
    guideVersion: row.guide_version,
    modules: JSON.parse(row.modules) as string[],
    minGroupSize: row.min_group_size,
    status: row.status,
    revision: row.revision,
    priorAssessmentId: row.prior_assessment_id,
    followUpDate: row.follow_up_date,
    conclusions: row.conclusions,
    noResultsReason: row.no_results_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return {
    ...assessment,
    clientName: row.client_name,
    unitName: row.unit_name,
    interviewCount: row.interview_count,
    completedInterviewCount: row.completed_interview_count,
  };
}

const summarySelect = `SELECT a.*, c.name AS client_name, u.name AS unit_name,
  (SELECT count(*) FROM interviews i WHERE i.assessment_id = a.id) AS interview_count,
  (SELECT count(*) FROM interviews i WHERE i.assessment_id = a.id AND i.status = 'completed') AS completed_interview_count
  FROM assessments a JOIN clients c ON c.id = a.client_id LEFT JOIN units u ON u.id = a.unit_id`;

/** One screenful and then some; the list screen narrows further with filters and search. */
export const defaultPageSize = 200;

export interface AssessmentFilter {
  clientId?: string;
  status?: AssessmentStatus;
  /** Planned start on or after this date. */
  from?: string;
  /** Planned start on or before this date. */
  to?: string;
  search?: string;
  limit?: number;
}

export function listAssessments(db: Db, filter: AssessmentFilter): AssessmentSummary[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.clientId) {
    where.push('a.client_id = :clientId');
    params.clientId = filter.clientId;
  }
  if (filter.status) {
    where.push('a.status = :status');
    params.status = filter.status;
  }
  if (filter.from) {
    where.push('a.planned_start >= :from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('a.planned_start <= :to');
    params.to = filter.to;
  }
  if (filter.search?.trim()) {
    where.push('(contains_text(a.title, :search) OR contains_text(c.name, :search) OR contains_text(u.name, :search))');
    params.search = filter.search.trim();
  }
  const sql = `${summarySelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY coalesce(a.planned_start, a.created_at) DESC, a.title LIMIT :limit`;
  return (db.prepare(sql).all({ ...params, limit: filter.limit ?? defaultPageSize }) as AssessmentRow[]).map(toAssessment);
}

export function findAssessment(db: Db, id: string): AssessmentSummary | undefined {
  const row = db.prepare(`${summarySelect} WHERE a.id = ?`).get(id) as AssessmentRow | undefined;
  return row && toAssessment(row);
}

function params(values: AssessmentValues) {
  return {
    client_id: values.clientId,
    unit_id: values.unitId,
    title: values.title,
    mandate: values.mandate,
    method: values.method,
    consultant: values.consultant,
    planned_start: values.plannedStart,
    planned_end: values.plannedEnd,
    guide_id: values.guideId,
    guide_version: values.guideVersion,
    modules: JSON.stringify(values.modules),
    min_group_size: values.minGroupSize,
    prior_assessment_id: values.priorAssessmentId,
    follow_up_date: values.followUpDate,
    conclusions: values.conclusions,
    no_results_reason: values.noResultsReason,
  };
}

export function insertAssessment(db: Db, values: AssessmentValues, now: string, id: string = crypto.randomUUID()): string {
  db.prepare(
    `INSERT INTO assessments (id, client_id, unit_id, title, mandate, method, consultant, planned_start, planned_end,
       guide_id, guide_version, modules, min_group_size, prior_assessment_id, follow_up_date, conclusions, no_results_reason, created_at, updated_at)
     VALUES (:id, :client_id, :unit_id, :title, :mandate, :method, :consultant, :planned_start, :planned_end,
       :guide_id, :guide_version, :modules, :min_group_size, :prior_assessment_id, :follow_up_date, :conclusions, :no_results_reason, :now, :now)`,
  ).run({ id, now, ...params(values) });
  return id;
}

export function updateAssessment(db: Db, id: string, values: AssessmentValues, now: string): void {
  db.prepare(
    `UPDATE assessments SET client_id = :client_id, unit_id = :unit_id, title = :title, mandate = :mandate,
       method = :method, consultant = :consultant, planned_start = :planned_start, planned_end = :planned_end,
       guide_id = :guide_id, guide_version = :guide_version, modules = :modules, min_group_size = :min_group_size,
       prior_assessment_id = :prior_assessment_id, follow_up_date = :follow_up_date,
       conclusions = :conclusions, no_results_reason = :no_results_reason, updated_at = :now
     WHERE id = :id`,
  ).run({ id, now, ...params(values) });
}

export function setAssessmentStatus(db: Db, id: string, status: AssessmentStatus, now: string): void {
  db.prepare('UPDATE assessments SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
}

/** Marks an assessment as changed; an edit after issuing opens the next revision (the issued one
 * stays frozen in the revisions table). */
export function touchAssessment(db: Db, id: string, now: string): void {
  db.prepare(
    `UPDATE assessments SET updated_at = :now,
       revision = CASE WHEN status = 'issued' THEN revision + 1 ELSE revision END,
       status = CASE WHEN status = 'issued' THEN 'in_progress' ELSE status END
     WHERE id = :id`,
  ).run({ id, now });
}

/** Interviewing has begun: a planned assessment is now in progress. */
export function markAssessmentStarted(db: Db, id: string, now: string): void {
  touchAssessment(db, id, now);
  db.prepare(`UPDATE assessments SET status = 'in_progress' WHERE id = ? AND status = 'planned'`).run(id);
}

export function deleteAssessment(db: Db, id: string): void {
  db.prepare('DELETE FROM assessments WHERE id = ?').run(id);
}
