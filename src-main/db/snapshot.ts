// Builds the snapshot of an assessment as it stands now, and reads frozen ones back (checked: a damaged
// or newer one is refused, never rendered half).
import { AppError } from '../core/errors';
import { checkSnapshot, snapshotFormatVersion, type AssessmentSnapshot } from '../core/snapshot';
import { findAssessment } from './assessments-repo';
import { findClient, findUnit } from './clients-repo';
import type { Db } from './sqlite';
import { listAnswers, listInterviews, listNotes } from './interviews-repo';
import { listFindings, listMeasures } from './risk-repo';

export function buildSnapshot(db: Db, assessmentId: string, frozenAt: string): AssessmentSnapshot {
  const assessment = findAssessment(db, assessmentId);
  if (!assessment) throw new AppError('not_found', 'That assessment does not exist (it may have been deleted).');
  const client = findClient(db, assessment.clientId)!;
  const { unitCount: _units, assessmentCount: _assessments, units: _list, ...clientRecord } = client;
  return {
    formatVersion: snapshotFormatVersion,
    revision: assessment.revision,
    frozenAt,
    assessment,
    client: clientRecord,
    unit: assessment.unitId ? (findUnit(db, assessment.unitId) ?? null) : null,
    interviews: listInterviews(db, assessmentId).map((interview) => ({
      ...interview,
      answers: listAnswers(db, interview.id),
      notes: listNotes(db, interview.id),
    })),
    findings: listFindings(db, assessmentId),
    measures: listMeasures(db, assessmentId),
  };
}

export function readRevisionSnapshot(db: Db, assessmentId: string, revision: number): AssessmentSnapshot | undefined {
  const row = db.prepare('SELECT snapshot FROM revisions WHERE assessment_id = ? AND number = ?').get(assessmentId, revision) as
    | { snapshot: string }
    | undefined;
  if (!row) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(row.snapshot);
  } catch {
    value = null;
  }
  const checked = checkSnapshot(value, { assessmentId, revision });
  if (checked.ok) return checked.snapshot;
  if (checked.newer) {
    throw new AppError('database_too_new', `Revision ${revision} cannot be read: ${checked.problem}. Install the newer version to open it; nothing was changed.`);
  }
  throw new AppError('database_corrupt', `The frozen revision ${revision} of this assessment is damaged (${checked.problem}). Restore a backup to get it back.`);
}
