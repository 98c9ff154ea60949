// Reads assessments, with everything that belongs to them, as package records, and writes such records back
// column for column (ids and times kept), for export and import.
import {
  answerRecord,
  assessmentRecord,
  clientRecord,
  findingRecord,
  interviewRecord,
  issuedReportRecord,
  measureRecord,
  noteRecord,
  revisionRecord,
  surveyResponseRecord,
  unitRecord,
  type AssessmentPart,
  type AssessmentRecord,
  type ClientPart,
  type ClientRecord,
  type InterviewRecord,
  type UnitRecord,
} from '../core/package-records';
import type { Db } from './sqlite';

/** How a record's fields are stored: the table, its parent column, and the fields kept as JSON or 0/1. */
interface TableSpec {
  table: string;
  /** The record's fields that are columns, in the record's (schema's) order. */
  fields: readonly string[];
  parent?: string;
  json?: readonly string[];
  booleans?: readonly string[];
  orderBy: string;
}

const column = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const fieldsOf = (shape: Record<string, unknown>, except: readonly string[] = []) => Object.keys(shape).filter((key) => !except.includes(key));

const nested = ['answers', 'notes', 'surveyResponses'];

const specs = {
  clients: { table: 'clients', fields: fieldsOf(clientRecord.shape), orderBy: 'id' },
  units: { table: 'units', parent: 'client_id', fields: fieldsOf(unitRecord.shape), orderBy: 'id' },
  assessments: { table: 'assessments', fields: fieldsOf(assessmentRecord.shape), json: ['modules', 'sensitiveItemIds'], orderBy: 'id' },
  interviews: {
    table: 'interviews',
    parent: 'assessment_id',
    fields: fieldsOf(interviewRecord.shape, nested),
    json: ['languages', 'participants'],
    booleans: ['interpreterUsed', 'heldEdited'],
    orderBy: 'id',
  },
  answers: {
    table: 'answers',
    parent: 'interview_id',
    fields: fieldsOf(answerRecord.shape),
    json: ['answer'],
    booleans: ['followUp'],
    orderBy: 'item_id',
  },
  notes: { table: 'factor_notes', parent: 'interview_id', fields: fieldsOf(noteRecord.shape), orderBy: 'id' },
  surveyResponses: {
    table: 'survey_responses',
    parent: 'interview_id',
    fields: fieldsOf(surveyResponseRecord.shape),
    json: ['answers'],
    orderBy: 'position, id',
  },
  findings: {
    table: 'findings',
    parent: 'assessment_id',
    fields: fieldsOf(findingRecord.shape),
    json: ['factorIds'],
    booleans: ['needsReview'],
    orderBy: 'id',
  },
  measures: { table: 'measures', parent: 'assessment_id', fields: fieldsOf(measureRecord.shape), json: ['agreedBy'], orderBy: 'id' },
  revisions: { table: 'revisions', parent: 'assessment_id', fields: fieldsOf(revisionRecord.shape), orderBy: 'number' },
  issuedReports: { table: 'issued_reports', parent: 'assessment_id', fields: fieldsOf(issuedReportRecord.shape), orderBy: 'id' },
} satisfies Record<string, TableSpec>;

function fromRow(spec: TableSpec, row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = row[column(field)];
    if (spec.json?.includes(field)) record[field] = JSON.parse(value as string);
    else if (spec.booleans?.includes(field)) record[field] = value === 1;
    else record[field] = value;
  }
  return record;
}

function toParams(spec: TableSpec, record: Record<string, unknown>): unknown[] {
  return spec.fields.map((field) => {
    const value = record[field];
    if (spec.json?.includes(field)) return JSON.stringify(value);
    if (spec.booleans?.includes(field)) return value ? 1 : 0;
    return value;
  });
}

function select(db: Db, spec: TableSpec, where: string, value: string): Record<string, unknown>[] {
  const rows = db.prepare(`SELECT ${spec.fields.map(column).join(', ')} FROM ${spec.table} WHERE ${where} = ? ORDER BY ${spec.orderBy}`).all(value);
  return (rows as Record<string, unknown>[]).map((row) => fromRow(spec, row));
}

function insert(db: Db, spec: TableSpec, record: object, parentId?: string): void {
  const columns = [...(spec.parent ? [spec.parent] : []), ...spec.fields.map(column)];
  const params = [...(spec.parent ? [parentId] : []), ...toParams(spec, record as Record<string, unknown>)];
  db.prepare(`INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...params);
}

/** Replaces every column but the id (and the parent, which a record does not carry). */
function update(db: Db, spec: TableSpec, record: { id: string }): void {
  const fields = spec.fields.filter((field) => field !== 'id');
  const values = toParams({ ...spec, fields }, record as unknown as Record<string, unknown>);
  db.prepare(`UPDATE ${spec.table} SET ${fields.map((field) => `${column(field)} = ?`).join(', ')} WHERE id = ?`).run(...values, record.id);
}

export function readClientRecord(db: Db, clientId: string): ClientRecord | undefined {
  return select(db, specs.clients, 'id', clientId)[0] as ClientRecord | undefined;
}

export function readUnitRecord(db: Db, unitId: string): UnitRecord | undefined {
  return select(db, specs.units, 'id', unitId)[0] as UnitRecord | undefined;
}

/** A client with all of its units. */
export function readClientPart(db: Db, clientId: string): ClientPart | undefined {
  const client = readClientRecord(db, clientId);
  return client && { client, units: select(db, specs.units, 'client_id', clientId) as UnitRecord[] };
}

export function readAssessmentRecord(db: Db, assessmentId: string): AssessmentRecord | undefined {
  return select(db, specs.assessments, 'id', assessmentId)[0] as AssessmentRecord | undefined;
}

export function readAssessmentPart(db: Db, assessmentId: string): AssessmentPart | undefined {
  const assessment = readAssessmentRecord(db, assessmentId);
  if (!assessment) return undefined;
  const interviews = select(db, specs.interviews, 'assessment_id', assessmentId).map((interview) => ({
    ...interview,
    answers: select(db, specs.answers, 'interview_id', interview.id as string),
    notes: select(db, specs.notes, 'interview_id', interview.id as string),
    surveyResponses: select(db, specs.surveyResponses, 'interview_id', interview.id as string),
  })) as InterviewRecord[];
  return {
    assessment,
    interviews,
    findings: select(db, specs.findings, 'assessment_id', assessmentId) as AssessmentPart['findings'],
    measures: select(db, specs.measures, 'assessment_id', assessmentId) as AssessmentPart['measures'],
    revisions: select(db, specs.revisions, 'assessment_id', assessmentId) as AssessmentPart['revisions'],
    issuedReports: select(db, specs.issuedReports, 'assessment_id', assessmentId) as AssessmentPart['issuedReports'],
  };
}

export function insertClientRecord(db: Db, client: ClientRecord): void {
  insert(db, specs.clients, client);
}

export function updateClientRecord(db: Db, client: ClientRecord): void {
  update(db, specs.clients, client);
}

export function insertUnitRecord(db: Db, clientId: string, unit: UnitRecord): void {
  insert(db, specs.units, unit, clientId);
}

export function updateUnitRecord(db: Db, unit: UnitRecord): void {
  update(db, specs.units, unit);
}

/** Inserts the assessment row; its prior link is set afterwards with setPriorAssessment, once the prior exists. */
export function insertAssessmentRecord(db: Db, assessment: AssessmentRecord): void {
  insert(db, specs.assessments, assessment);
}

export function updateAssessmentRecord(db: Db, assessment: AssessmentRecord): void {
  update(db, specs.assessments, assessment);
}

export function setPriorAssessment(db: Db, assessmentId: string, priorId: string | null): void {
  db.prepare('UPDATE assessments SET prior_assessment_id = ? WHERE id = ?').run(priorId, assessmentId);
}

/** Inserts everything that belongs to an assessment whose row already exists. */
export function insertAssessmentChildren(db: Db, part: AssessmentPart): void {
  const assessmentId = part.assessment.id;
  for (const { answers, notes, surveyResponses, ...interview } of part.interviews) {
    insert(db, specs.interviews, interview, assessmentId);
    for (const answer of answers) insert(db, specs.answers, answer, interview.id);
    for (const note of notes) insert(db, specs.notes, note, interview.id);
    for (const response of surveyResponses) insert(db, specs.surveyResponses, response, interview.id);
  }
  // Findings before measures: a measure may point at a finding.
  for (const finding of part.findings) insert(db, specs.findings, finding, assessmentId);
  for (const measure of part.measures) insert(db, specs.measures, measure, assessmentId);
  for (const revision of part.revisions) insert(db, specs.revisions, revision, assessmentId);
  for (const report of part.issuedReports) insert(db, specs.issuedReports, report, assessmentId);
}

/** Removes everything that belongs to an assessment but keeps its row, so links to it stay. */
export function deleteAssessmentChildren(db: Db, assessmentId: string): void {
  for (const table of ['measures', 'findings', 'interviews', 'revisions', 'issued_reports']) {
    db.prepare(`DELETE FROM ${table} WHERE assessment_id = ?`).run(assessmentId);
  }
}

export type AssessmentOwnedTable = 'interviews' | 'factor_notes' | 'survey_responses' | 'findings' | 'measures' | 'revisions' | 'issued_reports';

const ownerQueries: Record<AssessmentOwnedTable, string> = {
  interviews: 'SELECT assessment_id AS owner FROM interviews WHERE id = ?',
  factor_notes: 'SELECT i.assessment_id AS owner FROM factor_notes n JOIN interviews i ON i.id = n.interview_id WHERE n.id = ?',
  survey_responses: 'SELECT i.assessment_id AS owner FROM survey_responses r JOIN interviews i ON i.id = r.interview_id WHERE r.id = ?',
  findings: 'SELECT assessment_id AS owner FROM findings WHERE id = ?',
  measures: 'SELECT assessment_id AS owner FROM measures WHERE id = ?',
  revisions: 'SELECT assessment_id AS owner FROM revisions WHERE id = ?',
  issued_reports: 'SELECT assessment_id AS owner FROM issued_reports WHERE id = ?',
};

/** The assessment each of these ids already belongs to here, for the ids that exist. */
export function owningAssessments(db: Db, table: AssessmentOwnedTable, ids: readonly string[]): Map<string, string> {
  const query = db.prepare(ownerQueries[table]);
  const found = new Map<string, string>();
  for (const id of ids) {
    const row = query.get(id) as { owner: string } | undefined;
    if (row) found.set(id, row.owner);
  }
  return found;
}

/** The client a unit belongs to here, or undefined. */
export function unitOwner(db: Db, unitId: string): string | undefined {
  return (db.prepare('SELECT client_id FROM units WHERE id = ?').get(unitId) as { client_id: string } | undefined)?.client_id;
}

export interface AssessmentCopy {
  copyId: string;
  originalId: string;
  contentSha256: string;
}

export function findAssessmentCopies(db: Db, originalId: string): AssessmentCopy[] {
  return (
    db.prepare('SELECT copy_id, original_id, content_sha256 FROM assessment_copies WHERE original_id = ?').all(originalId) as {
      copy_id: string;
      original_id: string;
      content_sha256: string;
    }[]
  ).map((row) => ({ copyId: row.copy_id, originalId: row.original_id, contentSha256: row.content_sha256 }));
}

export function recordAssessmentCopy(db: Db, copy: AssessmentCopy, now: string): void {
  db.prepare('INSERT INTO assessment_copies (copy_id, original_id, content_sha256, created_at) VALUES (?, ?, ?, ?)').run(
    copy.copyId,
    copy.originalId,
    copy.contentSha256,
    now,
  );
}
