// After a restore the UI starts afresh, so no screen keeps showing data from before the restore.
import type { MethodOutput } from '../../../src-main/api/contract';

const restoredKey = 'kartlegg.restoredBackup';

export interface RestoredNote {
  createdAt: string;
  safetyBackup: boolean;
}

/** Notes what was restored (the new start says it) and reloads the page. */
export function reloadAfterRestore(result: MethodOutput<'backups.restore'>, createdAt: string): void {
  const note: RestoredNote = { createdAt, safetyBackup: result.safetyBackup !== null };
  window.sessionStorage.setItem(restoredKey, JSON.stringify(note));
  window.location.reload();
}

/** Whether this start follows a restore: the UI then opens on the settings' backups, which say what was restored. */
export function followsRestore(): boolean {
  return window.sessionStorage.getItem(restoredKey) !== null;
}

let taken: { note: RestoredNote | null } | null = null;

/** What was restored just before this start. Read once and removed, so a later reload says nothing;
 * remembered for this page, so every render sees the same. */
export function takeRestoredNote(): RestoredNote | null {
  if (taken) return taken.note;
  const text = window.sessionStorage.getItem(restoredKey);
  window.sessionStorage.removeItem(restoredKey);
  taken = { note: null };
  if (!text) return null;
  try {
    taken.note = JSON.parse(text) as RestoredNote;
  } catch {
    // A note this version did not write: say nothing.
  }
  return taken.note;
}
