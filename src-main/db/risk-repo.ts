// Reads and writes findings (risks) and measures (the action plan).
import type { Finding, FindingStatus, Measure, MeasurePriority, MeasureStatus, ResponsibleRole } from '../core/risk';
import type { Db } from './database';
import { parseJson } from './rows';

interface FindingRow {
  id: string;
  assessment_id: string;
  title: string;
  factor_ids: string;
  hazard: string;
  causes: string;
  exposed: string;
  existing_measures: string;
  likelihood: number | null;
  consequence: number | null;
  matrix_size: number | null;
  justification: string;
  origin: 'proposed' | 'manual';
  status: FindingStatus;
  dismissal_reason: string | null;
  needs_review: number;
  created_at: string;
  updated_at: string;
}

export function toFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    title: row.title,
    factorIds: parseJson<string[]>(row.factor_ids, []),
    hazard: row.hazard,
    causes: row.causes,
    exposed: row.exposed,
    existingMeasures: row.existing_measures,
    likelihood: row.likelihood,
    consequence: row.consequence,
    matrixSize: row.matrix_size,
    justification: row.justification,
    origin: row.origin,
    status: row.status,
    dismissalReason: row.dismissal_reason,
    needsReview: row.needs_review === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listFindings(db: Db, assessmentId: string): Finding[] {
  return (db.prepare('SELECT * FROM findings WHERE assessment_id = ? ORDER BY created_at, title').all(assessmentId) as FindingRow[]).map(toFinding);
}

interface MeasureRow {
  id: string;
  assessment_id: string;
  finding_id: string | null;
  title: string;
  rationale: string;
  responsible_role: ResponsibleRole;
  deadline: string | null;
  priority: MeasurePriority;
  status: MeasureStatus;
  drop_reason: string | null;
  agreed_by: string;
  created_at: string;
  updated_at: string;
}

export function toMeasure(row: MeasureRow): Measure {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    findingId: row.finding_id,
    title: row.title,
    rationale: row.rationale,
    responsibleRole: row.responsible_role,
    deadline: row.deadline,
    priority: row.priority,
    status: row.status,
    dropReason: row.drop_reason,
    agreedBy: parseJson<ResponsibleRole[]>(row.agreed_by, []),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listMeasures(db: Db, assessmentId: string): Measure[] {
  return (db.prepare('SELECT * FROM measures WHERE assessment_id = ? ORDER BY deadline IS NULL, deadline, created_at').all(assessmentId) as MeasureRow[]).map(
    toMeasure,
  );
}
