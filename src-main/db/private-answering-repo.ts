// The consultant's own marks for private answering: sensitive items per assessment, and the answer
// mode an interview was started in.
import type { AnswerMode } from '../core/assessments';
import type { Db } from './sqlite';
import { parseJson } from './rows';

export function readSensitiveItemIds(db: Db, assessmentId: string): string[] {
  const row = db.prepare('SELECT sensitive_item_ids FROM assessments WHERE id = ?').get(assessmentId) as { sensitive_item_ids: string } | undefined;
  return row ? parseJson<string[]>(row.sensitive_item_ids, []) : [];
}

export function writeSensitiveItemIds(db: Db, assessmentId: string, itemIds: readonly string[], now: string): void {
  db.prepare('UPDATE assessments SET sensitive_item_ids = ?, updated_at = ? WHERE id = ?').run(JSON.stringify([...new Set(itemIds)]), now, assessmentId);
}

export function writeAnswerMode(db: Db, interviewId: string, mode: AnswerMode, now: string): void {
  db.prepare('UPDATE interviews SET answer_mode = ?, updated_at = ? WHERE id = ?').run(mode, now, interviewId);
}
