// What an import preview tells the consultant before anything is written: per guide, client and
// assessment whether it is new, already here, or in conflict, and how a conflict may be resolved.

export const assessmentChoices = ['keepMine', 'takeTheirs', 'keepBoth'] as const;
export type AssessmentChoice = (typeof assessmentChoices)[number];

export const clientChoices = ['keepMine', 'takeTheirs'] as const;
export type ClientChoice = (typeof clientChoices)[number];

/** Why "take theirs" cannot be chosen. */
export type TakeTheirsBlock =
  /** This computer issued a revision (or a report of it) that the package does not have. */
  | { reason: 'issuedRevision' | 'issuedReport'; revision: number }
  /** The package reuses ids of records of another assessment here. */
  | { reason: 'idsInUse' }
  /** Their organisation number belongs to another client here. */
  | { reason: 'orgNumberTaken'; holder: string };

export interface GuidePreview {
  id: string;
  version: string;
  /** installed: used as it is here. install: only in the package; importing installs it. */
  status: 'installed' | 'install';
  /** The package's copy differs from the installed one with the same version; the installed one is used. */
  differsFromInstalled: boolean;
}

export type ClientStatus =
  /** Not here: will be added. */
  | 'new'
  /** Here with the same content. */
  | 'unchanged'
  /** Another client here has the same organisation number: the assessments go to that client. */
  | 'matchedByOrgNumber'
  /** Here with other content: keep mine or take theirs. */
  | 'conflict';

export interface ClientPreview {
  id: string;
  name: string;
  status: ClientStatus;
  /** For matchedByOrgNumber, and for a conflict: the client here. */
  localName: string | null;
  /** Fields that differ (client fields, or "units"). */
  differences: string[];
  newUnits: number;
  takeTheirsBlocked: TakeTheirsBlock | null;
}

export type AssessmentStatus = 'new' | 'unchanged' | 'alreadyCopied' | 'conflict';

export const assessmentSections = ['assessment', 'interviews', 'answers', 'notes', 'surveyResponses', 'findings', 'measures', 'revisions', 'issuedReports'] as const;
export type AssessmentSection = (typeof assessmentSections)[number];

export interface AssessmentSide {
  title: string;
  status: string;
  revision: number;
  updatedAt: string;
  interviewCount: number;
  findingCount: number;
  measureCount: number;
}

export interface AssessmentPreview {
  id: string;
  clientName: string;
  incoming: AssessmentSide;
  /** The assessment here with the same id, when there is one. */
  local: AssessmentSide | null;
  status: AssessmentStatus;
  /** For a conflict: the parts that differ, and the assessment's own fields that differ. */
  differentSections: AssessmentSection[];
  differentFields: string[];
  takeTheirsBlocked: TakeTheirsBlock | null;
}

export interface PackagePreview {
  fileName: string;
  sha256: string;
  formatVersion: number;
  /** The package was written in an older format and read through its upgrade. */
  upgraded: boolean;
  encrypted: boolean;
  createdAt: string;
  createdBy: { app: string; version: string };
  guides: GuidePreview[];
  clients: ClientPreview[];
  assessments: AssessmentPreview[];
  /** Titles of incoming assessments whose prior assessment is neither in the package nor here: the link is dropped. */
  priorDropped: string[];
  /** False when importing would change nothing (everything is already here). */
  hasChanges: boolean;
}

export interface PackageImportResult {
  /** False when there was nothing to change; then no backup was taken either. */
  changed: boolean;
  added: number;
  replaced: number;
  copied: number;
  unchanged: number;
  keptMine: number;
  installedGuides: string[];
  /** The backup taken just before the import, when anything changed. */
  backup: string | null;
  /** Ids of the assessments as they are here after the import (copies have new ids). */
  assessmentIds: string[];
}
