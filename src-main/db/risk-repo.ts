// Reads and writes findings (risks) and measures (the action plan).
import type { Finding, FindingStatus, Measure, MeasurePriority, MeasureStatus, OverdueMeasure, ResponsibleRole } from '../core/risk';
import { needsReview, type RiskLevel, type RiskMatrix } from '../core/risk-matrix';
import type { Db } from './sqlite';
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
  level: RiskLevel | null;
  justification: string;
  origin: 'proposed' | 'manual';
  status: FindingStatus;
  dismissal_reason: string | null;
  needs_review: number;
  number: number | null;
  residual_likelihood: number | null;
  residual_consequence: number | null;
  residual_level: RiskLevel | null;
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
    level: row.level ?? null,
    justification: row.justification,
    origin: row.origin,
    status: row.status,
    dismissalReason: row.dismissal_reason,
    needsReview: row.needs_review === 1,
    number: row.number,
    residualLikelihood: row.residual_likelihood ?? null,
    residualConsequence: row.residual_consequence ?? null,
    residualLevel: row.residual_level ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listFindings(db: Db, assessmentId: string): Finding[] {
  return (db.prepare('SELECT * FROM findings WHERE assessment_id = ? ORDER BY created_at, rowid').all(assessmentId) as FindingRow[]).map(toFinding);
}

export function findFinding(db: Db, id: string): Finding | undefined {
  const row = db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined;
  return row && toFinding(row);
}

/** What the consultant writes about a finding; the rating is stored with the matrix it was made on. */
export interface FindingValues {
  title: string;
  factorIds: string[];
  hazard: string;
  causes: string;
  exposed: string;
  existingMeasures: string;
  likelihood: number | null;
  consequence: number | null;
  matrixSize: number | null;
  level: RiskLevel | null;
  justification: string;
  /** Still flagged after a matrix change (see `needsReview`); a new rating is never flagged. */
  needsReview: boolean;
}

function findingParams(values: FindingValues) {
  return {
    title: values.title,
    factor_ids: JSON.stringify(values.factorIds),
    hazard: values.hazard,
    causes: values.causes,
    exposed: values.exposed,
    existing_measures: values.existingMeasures,
    likelihood: values.likelihood,
    consequence: values.consequence,
    matrix_size: values.matrixSize,
    level: values.level,
    justification: values.justification,
    needs_review: values.needsReview ? 1 : 0,
  };
}

/** The next finding or measure number of an assessment: one more than any it ever gave, so a
 * number is never given twice, not even after a deletion. */
function nextNumber(db: Db, assessmentId: string, kind: 'finding' | 'measure'): number {
  const table = kind === 'finding' ? 'findings' : 'measures';
  const row = db
    .prepare(
      `INSERT INTO number_counters (assessment_id, kind, last)
         VALUES (:assessmentId, :kind, COALESCE((SELECT MAX(number) FROM ${table} WHERE assessment_id = :assessmentId), 0) + 1)
       ON CONFLICT (assessment_id, kind) DO UPDATE SET last = MAX(last, COALESCE((SELECT MAX(number) FROM ${table} WHERE assessment_id = :assessmentId), 0)) + 1
       RETURNING last`,
    )
    .get({ assessmentId, kind }) as { last: number };
  return row.last;
}

export function insertFinding(
  db: Db,
  assessmentId: string,
  values: FindingValues,
  origin: Finding['origin'],
  status: FindingStatus,
  now: string,
): string {
  const id = crypto.randomUUID();
  db.prepare(
    `INSERT INTO findings (id, assessment_id, title, factor_ids, hazard, causes, exposed, existing_measures, likelihood,
       consequence, matrix_size, level, justification, needs_review, origin, status, number, created_at, updated_at)
     VALUES (:id, :assessment_id, :title, :factor_ids, :hazard, :causes, :exposed, :existing_measures, :likelihood,
       :consequence, :matrix_size, :level, :justification, :needs_review, :origin, :status, :number, :now, :now)`,
  ).run({ id, assessment_id: assessmentId, origin, status, now, number: nextNumber(db, assessmentId, 'finding'), ...findingParams(values) });
  return id;
}

/** Replaces what the consultant wrote and the rating. */
export function updateFinding(db: Db, id: string, values: FindingValues, now: string): void {
  db.prepare(
    `UPDATE findings SET title = :title, factor_ids = :factor_ids, hazard = :hazard, causes = :causes, exposed = :exposed,
       existing_measures = :existing_measures, likelihood = :likelihood, consequence = :consequence,
       matrix_size = :matrix_size, level = :level, justification = :justification, needs_review = :needs_review,
       updated_at = :now
     WHERE id = :id`,
  ).run({ id, now, ...findingParams(values) });
}

/** The residual rating; null values clear it. */
export function setResidualRating(
  db: Db,
  id: string,
  residual: { likelihood: number | null; consequence: number | null; level: RiskLevel | null },
  now: string,
): void {
  db.prepare('UPDATE findings SET residual_likelihood = ?, residual_consequence = ?, residual_level = ?, updated_at = ? WHERE id = ?').run(
    residual.likelihood,
    residual.consequence,
    residual.level,
    now,
    id,
  );
}

export function setFindingStatus(db: Db, id: string, status: FindingStatus, dismissalReason: string | null, now: string): void {
  db.prepare('UPDATE findings SET status = ?, dismissal_reason = ?, updated_at = ? WHERE id = ?').run(status, dismissalReason, now, id);
}

export function deleteFinding(db: Db, id: string): void {
  db.prepare('DELETE FROM findings WHERE id = ?').run(id);
}

/** Sets every rated finding's review flag for this matrix (see `needsReview`); returns how many
 * are flagged. The ratings themselves stay as they were. */
export function flagFindingsForReview(db: Db, matrix: RiskMatrix): number {
  const rows = db.prepare('SELECT * FROM findings WHERE likelihood IS NOT NULL AND consequence IS NOT NULL').all() as FindingRow[];
  const setFlag = db.prepare('UPDATE findings SET needs_review = ? WHERE id = ? AND needs_review <> ?');
  let flagged = 0;
  for (const finding of rows.map(toFinding)) {
    const flag = needsReview(finding, matrix) ? 1 : 0;
    flagged += flag;
    setFlag.run(flag, finding.id, flag);
  }
  return flagged;
}

export function countMeasuresOfFinding(db: Db, findingId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM measures WHERE finding_id = ?').get(findingId) as { n: number }).n;
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
  responsible_name: string;
  agreed_on: string | null;
  number: number | null;
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
    responsibleName: row.responsible_name,
    agreedOn: row.agreed_on,
    number: row.number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listMeasures(db: Db, assessmentId: string): Measure[] {
  return (db.prepare('SELECT * FROM measures WHERE assessment_id = ? ORDER BY deadline IS NULL, deadline, created_at, rowid').all(assessmentId) as MeasureRow[]).map(
    toMeasure,
  );
}

export function findMeasure(db: Db, id: string): Measure | undefined {
  const row = db.prepare('SELECT * FROM measures WHERE id = ?').get(id) as MeasureRow | undefined;
  return row && toMeasure(row);
}

export interface MeasureValues {
  findingId: string | null;
  title: string;
  rationale: string;
  responsibleRole: ResponsibleRole;
  deadline: string | null;
  priority: MeasurePriority;
  status: MeasureStatus;
  dropReason: string | null;
  agreedBy: ResponsibleRole[];
  responsibleName: string;
  agreedOn: string | null;
}

function measureParams(values: MeasureValues) {
  return {
    finding_id: values.findingId,
    title: values.title,
    rationale: values.rationale,
    responsible_role: values.responsibleRole,
    deadline: values.deadline,
    priority: values.priority,
    status: values.status,
    drop_reason: values.dropReason,
    agreed_by: JSON.stringify(values.agreedBy),
    responsible_name: values.responsibleName,
    agreed_on: values.agreedOn,
  };
}

export function insertMeasure(db: Db, assessmentId: string, values: MeasureValues, now: string): string {
  const id = crypto.randomUUID();
  db.prepare(
    `INSERT INTO measures (id, assessment_id, finding_id, title, rationale, responsible_role, deadline, priority, status,
       drop_reason, agreed_by, responsible_name, agreed_on, number, created_at, updated_at)
     VALUES (:id, :assessment_id, :finding_id, :title, :rationale, :responsible_role, :deadline, :priority, :status,
       :drop_reason, :agreed_by, :responsible_name, :agreed_on, :number, :now, :now)`,
  ).run({ id, assessment_id: assessmentId, now, number: nextNumber(db, assessmentId, 'measure'), ...measureParams(values) });
  return id;
}

export function updateMeasure(db: Db, id: string, values: MeasureValues, now: string): void {
  db.prepare(
    `UPDATE measures SET finding_id = :finding_id, title = :title, rationale = :rationale, responsible_role = :responsible_role,
       deadline = :deadline, priority = :priority, status = :status, drop_reason = :drop_reason, agreed_by = :agreed_by,
       responsible_name = :responsible_name, agreed_on = :agreed_on, updated_at = :now
     WHERE id = :id`,
  ).run({ id, now, ...measureParams(values) });
}

export function deleteMeasure(db: Db, id: string): void {
  db.prepare('DELETE FROM measures WHERE id = ?').run(id);
}

/** Open measures whose deadline is before `today` (YYYY-MM-DD), in every assessment, oldest first. */
export function listOverdueMeasures(db: Db, today: string): OverdueMeasure[] {
  const rows = db
    .prepare(
      `SELECT m.*, a.title AS assessment_title, c.name AS client_name, f.title AS finding_title
       FROM measures m
       JOIN assessments a ON a.id = m.assessment_id
       JOIN clients c ON c.id = a.client_id
       LEFT JOIN findings f ON f.id = m.finding_id
       WHERE m.deadline IS NOT NULL AND m.deadline < ? AND m.status NOT IN ('done', 'dropped')
       ORDER BY m.deadline, fold(c.name), fold(m.title)`,
    )
    .all(today) as (MeasureRow & { assessment_title: string; client_name: string; finding_title: string | null })[];
  return rows.map((row) => ({
    ...toMeasure(row),
    assessmentTitle: row.assessment_title,
    clientName: row.client_name,
    findingTitle: row.finding_title,
  }));
}
