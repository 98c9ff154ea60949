// What a team server sync reports, shared by the sync (src-main/team) and the API contract.

export type SyncedKind = 'client' | 'assessment';

export interface SyncCounts {
  pushedClients: number;
  pushedAssessments: number;
  pulledClients: number;
  pulledAssessments: number;
  pulledGuides: number;
  /** Records the same on both sides already (e.g. sent by a run that was cut off before noting it). */
  recognised: number;
  /** Records changed on the server while this run was sending them: listed as conflicts next run. */
  raced: number;
  conflicts: number;
}

export interface ConflictSummary {
  kind: SyncedKind;
  id: string;
  title: string;
  serverUpdatedBy: string;
  serverUpdatedAt: string;
  detectedAt: string;
  /** Why "take theirs" is not possible here (e.g. it would drop a revision issued here), or null. */
  takeTheirsBlocked: string | null;
}
