// Reads and writes interviews, their answers, and the notes and quotes per factor.
import type { Answer } from '../core/answers';
import {
  noParticipants,
  type AnswerMode,
  type FactorNote,
  type FactorNoteKind,
  type Interview,
  type InterviewHeld,
  type InterviewKind,
  type InterviewStatus,
  type InterviewSummary,
  type ItemAnswer,
  type ParticipantCounts,
  type RespondentRole,
} from '../core/assessments';
import { localIsoDate } from '../core/dates';
import { normalizeGroupLabel } from '../core/group-label';
import type { Db } from './sqlite';
import { parseJson } from './rows';

export interface InterviewValues {
  groupName: string;
  kind: InterviewKind;
  /** The employees' for a new interview when not given; an update without it keeps the role. */
  respondentRole?: RespondentRole;
  respondentLanguage: string;
  languages: string[];
  interpreterUsed: boolean;
  expectedParticipants: number;
  participants: ParticipantCounts;
  plannedAt: string | null;
}

interface InterviewRow {
  id: string;
  assessment_id: string;
  group_name: string;
  kind: InterviewKind;
  respondent_role: RespondentRole;
  respondent_language: string;
  languages: string;
  interpreter_used: number;
  expected_participants: number;
  participants: string;
  planned_at: string | null;
  status: InterviewStatus;
  current_item_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  answered_count: number;
  answer_mode: AnswerMode | null;
  held_on: string | null;
  held_from: string | null;
  held_until: string | null;
  held_edited: number;
}

function toInterview(row: InterviewRow): InterviewSummary {
  const interview: Interview = {
    id: row.id,
    assessmentId: row.assessment_id,
    groupName: row.group_name,
    kind: row.kind,
    respondentRole: row.respondent_role,
    respondentLanguage: row.respondent_language,
    languages: parseJson<string[]>(row.languages, []),
    interpreterUsed: row.interpreter_used === 1,
    expectedParticipants: row.expected_participants,
    participants: { ...noParticipants, ...parseJson<Partial<ParticipantCounts>>(row.participants, {}) },
    plannedAt: row.planned_at,
    status: row.status,
    currentItemId: row.current_item_id,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.answer_mode && { answerMode: row.answer_mode }),
    ...(row.held_on && { held: { date: row.held_on, start: row.held_from ?? '', end: row.held_until ?? '', edited: row.held_edited === 1 } }),
  };
  return { ...interview, answeredCount: row.answered_count };
}

const summarySelect = `SELECT i.*, (SELECT count(*) FROM answers a WHERE a.interview_id = i.id) AS answered_count FROM interviews i`;

export function listInterviews(db: Db, assessmentId: string): InterviewSummary[] {
  return (
    db.prepare(`${summarySelect} WHERE i.assessment_id = ? ORDER BY coalesce(i.planned_at, i.created_at), i.group_name`).all(assessmentId) as InterviewRow[]
  ).map(toInterview);
}

export function findInterview(db: Db, id: string): InterviewSummary | undefined {
  const row = db.prepare(`${summarySelect} WHERE i.id = ?`).get(id) as InterviewRow | undefined;
  return row && toInterview(row);
}

function params(values: InterviewValues) {
  return {
    group_name: normalizeGroupLabel(values.groupName),
    kind: values.kind,
    respondent_role: values.respondentRole ?? null,
    respondent_language: values.respondentLanguage,
    languages: JSON.stringify(values.languages),
    interpreter_used: values.interpreterUsed ? 1 : 0,
    expected_participants: values.expectedParticipants,
    participants: JSON.stringify(values.participants),
    planned_at: values.plannedAt,
  };
}

export function insertInterview(db: Db, assessmentId: string, values: InterviewValues, now: string): string {
  const id = crypto.randomUUID();
  db.prepare(
    `INSERT INTO interviews (id, assessment_id, group_name, kind, respondent_role, respondent_language, languages, interpreter_used,
       expected_participants, participants, planned_at, created_at, updated_at)
     VALUES (:id, :assessment_id, :group_name, :kind, coalesce(:respondent_role, 'employees'), :respondent_language, :languages, :interpreter_used,
       :expected_participants, :participants, :planned_at, :now, :now)`,
  ).run({ id, assessment_id: assessmentId, now, ...params(values) });
  return id;
}

export function updateInterview(db: Db, id: string, values: InterviewValues, now: string): void {
  db.prepare(
    `UPDATE interviews SET group_name = :group_name, kind = :kind, respondent_role = coalesce(:respondent_role, respondent_role), respondent_language = :respondent_language,
       languages = :languages, interpreter_used = :interpreter_used, expected_participants = :expected_participants,
       participants = :participants, planned_at = :planned_at, updated_at = :now
     WHERE id = :id`,
  ).run({ id, now, ...params(values) });
}

export function deleteInterview(db: Db, id: string): void {
  db.prepare('DELETE FROM interviews WHERE id = ?').run(id);
}

/** Where the consultant is in the guide, so an interview resumes there; starting it sets started_at. */
export function setInterviewProgress(db: Db, id: string, currentItemId: string | null, status: InterviewStatus, now: string): void {
  db.prepare(
    `UPDATE interviews SET current_item_id = :item, status = :status, updated_at = :now,
       started_at = CASE WHEN started_at IS NULL AND :status <> 'planned' THEN :now ELSE started_at END,
       completed_at = CASE WHEN :status = 'completed' THEN coalesce(completed_at, :now) ELSE NULL END
     WHERE id = :id`,
  ).run({ id, item: currentItemId, status, now });
}

interface AnswerRow {
  item_id: string;
  answer: string;
  follow_up: number;
  updated_at: string;
}

export function listAnswers(db: Db, interviewId: string): ItemAnswer[] {
  return (db.prepare('SELECT item_id, answer, follow_up, updated_at FROM answers WHERE interview_id = ?').all(interviewId) as AnswerRow[]).map(
    (row) => ({ itemId: row.item_id, answer: JSON.parse(row.answer) as Answer, followUp: row.follow_up === 1, updatedAt: row.updated_at }),
  );
}

export function findAnswer(db: Db, interviewId: string, itemId: string): ItemAnswer | undefined {
  const row = db.prepare('SELECT item_id, answer, follow_up, updated_at FROM answers WHERE interview_id = ? AND item_id = ?').get(interviewId, itemId) as
    | AnswerRow
    | undefined;
  return row && { itemId: row.item_id, answer: JSON.parse(row.answer) as Answer, followUp: row.follow_up === 1, updatedAt: row.updated_at };
}

export function upsertAnswer(db: Db, interviewId: string, itemId: string, answer: Answer, followUp: boolean, now: string): void {
  db.prepare(
    `INSERT INTO answers (interview_id, item_id, answer, follow_up, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(interview_id, item_id) DO UPDATE SET answer = excluded.answer, follow_up = excluded.follow_up, updated_at = excluded.updated_at`,
  ).run(interviewId, itemId, JSON.stringify(answer), followUp ? 1 : 0, now);
}

export function deleteAnswer(db: Db, interviewId: string, itemId: string): void {
  db.prepare('DELETE FROM answers WHERE interview_id = ? AND item_id = ?').run(interviewId, itemId);
}

interface NoteRow {
  id: string;
  interview_id: string;
  factor_id: string;
  kind: FactorNoteKind;
  text: string;
  created_at: string;
  updated_at: string;
}

function toNote(row: NoteRow): FactorNote {
  return {
    id: row.id,
    interviewId: row.interview_id,
    factorId: row.factor_id,
    kind: row.kind,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listNotes(db: Db, interviewId: string): FactorNote[] {
  return (db.prepare('SELECT * FROM factor_notes WHERE interview_id = ? ORDER BY created_at').all(interviewId) as NoteRow[]).map(toNote);
}

export function listNotesForAssessment(db: Db, assessmentId: string): FactorNote[] {
  return (
    db
      .prepare(
        `SELECT n.* FROM factor_notes n JOIN interviews i ON i.id = n.interview_id WHERE i.assessment_id = ? ORDER BY n.factor_id, n.created_at`,
      )
      .all(assessmentId) as NoteRow[]
  ).map(toNote);
}

export function findNote(db: Db, id: string): FactorNote | undefined {
  const row = db.prepare('SELECT * FROM factor_notes WHERE id = ?').get(id) as NoteRow | undefined;
  return row && toNote(row);
}

export function insertNote(db: Db, interviewId: string, factorId: string, kind: FactorNoteKind, text: string, now: string): string {
  const id = crypto.randomUUID();
  db.prepare(
    'INSERT INTO factor_notes (id, interview_id, factor_id, kind, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, interviewId, factorId, kind, text, now, now);
  return id;
}

export function updateNote(db: Db, id: string, kind: FactorNoteKind, text: string, now: string): void {
  db.prepare('UPDATE factor_notes SET kind = ?, text = ?, updated_at = ? WHERE id = ?').run(kind, text, now, id);
}

export function deleteNote(db: Db, id: string): void {
  db.prepare('DELETE FROM factor_notes WHERE id = ?').run(id);
}

/** An answer was saved at this local moment: the first sets the day and start, each one the end (same day only), until the consultant edits them. */
export function recordHeldTime(db: Db, id: string, moment: Date): void {
  const date = localIsoDate(moment);
  const time = `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
  db.prepare(
    `UPDATE interviews SET held_on = coalesce(held_on, :date), held_from = coalesce(held_from, :time),
       held_until = CASE WHEN held_on IS NULL OR held_on = :date THEN :time ELSE held_until END
     WHERE id = :id AND held_edited = 0`,
  ).run({ id, date, time });
}

/** The consultant's own day and times for the interview; answers no longer change them. */
export function setHeldTime(db: Db, id: string, held: Omit<InterviewHeld, 'edited'>, now: string): void {
  db.prepare('UPDATE interviews SET held_on = :date, held_from = :start, held_until = :end, held_edited = 1, updated_at = :now WHERE id = :id').run({ id, now, ...held });
}
