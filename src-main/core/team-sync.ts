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
  /** Deletions sent as tombstones, and tombstones applied here. */
  pushedDeletions: number;
  pulledDeletions: number;
  /** Report templates fetched (valid, new here) and sent. */
  pulledTemplates: number;
  pushedTemplates: number;
  /** Server records set aside here because they failed validation (retried by the next run). */
  quarantined: number;
}

/** Which side deleted, when a deletion meets an edit; "edited" when both sides edited. */
export type ConflictChange = 'edited' | 'deletedHere' | 'deletedThere';

export type QuarantineKind = SyncedKind | 'guide' | 'template';

/**
 * Why a server record was set aside: notARecord (not a client or assessment record at all, e.g. damaged
 * JSON), invalidRecord (fails the package format's checks), newerFormat (written by a newer Kartlegg),
 * invalidGuide / invalidTemplate (the file does not validate).
 */
export const quarantineReasons = ['notARecord', 'invalidRecord', 'newerFormat', 'invalidGuide', 'invalidTemplate'] as const;
export type QuarantineReason = (typeof quarantineReasons)[number];

export interface QuarantinedRecord {
  kind: QuarantineKind;
  /** The record's id; for a guide or template its id and version ("cleaning-2 1.0"). */
  id: string;
  reason: QuarantineReason;
  /** The validator's own words (English), e.g. which field is wrong. */
  detail: string;
  serverVersion: number | null;
  detectedAt: string;
}

export interface ConflictSummary {
  kind: SyncedKind;
  id: string;
  title: string;
  serverUpdatedBy: string;
  serverUpdatedAt: string;
  detectedAt: string;
  change: ConflictChange;
  /** Why "take theirs" is not possible here (e.g. it would drop a revision issued here), or null. */
  takeTheirsBlocked: string | null;
}
