// The numbered schema migrations. They only ever grow: never edit a released one, add the next.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const initialSchema = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  org_number TEXT,
  nace_code TEXT,
  address TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clients_name ON clients(name COLLATE NOCASE);
CREATE UNIQUE INDEX clients_org_number ON clients(org_number) WHERE org_number IS NOT NULL;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX units_client ON units(client_id);

-- Imported guides; the built-in ones are files in templates/interviews.
CREATE TABLE guides (
  id TEXT NOT NULL,
  version TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  unit_id TEXT REFERENCES units(id) ON DELETE RESTRICT,
  title TEXT NOT NULL,
  mandate TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL CHECK (method IN ('group', 'individual', 'mixed', 'survey')),
  consultant TEXT NOT NULL DEFAULT '',
  planned_start TEXT,
  planned_end TEXT,
  guide_id TEXT NOT NULL,
  guide_version TEXT NOT NULL,
  min_group_size INTEGER NOT NULL DEFAULT 5 CHECK (min_group_size >= 3),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'completed', 'issued')),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  prior_assessment_id TEXT REFERENCES assessments(id) ON DELETE SET NULL,
  follow_up_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assessments_client ON assessments(client_id);
CREATE INDEX assessments_status ON assessments(status, planned_start);

-- Interviews never hold names: only how many took part, by role and language.
CREATE TABLE interviews (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  group_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('group', 'individual', 'survey')),
  respondent_language TEXT NOT NULL DEFAULT 'nb',
  languages TEXT NOT NULL DEFAULT '[]',
  interpreter_used INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_used IN (0, 1)),
  expected_participants INTEGER NOT NULL DEFAULT 0 CHECK (expected_participants >= 0),
  participants TEXT NOT NULL DEFAULT '{}',
  planned_at TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'completed')),
  current_item_id TEXT,
  started_at TEXT,
  completed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX interviews_assessment ON interviews(assessment_id);

CREATE TABLE answers (
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  follow_up INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (interview_id, item_id)
);

CREATE TABLE factor_notes (
  id TEXT PRIMARY KEY,
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  factor_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'quote')),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX factor_notes_interview ON factor_notes(interview_id, factor_id);

CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  factor_ids TEXT NOT NULL DEFAULT '[]',
  hazard TEXT NOT NULL DEFAULT '',
  causes TEXT NOT NULL DEFAULT '',
  exposed TEXT NOT NULL DEFAULT '',
  existing_measures TEXT NOT NULL DEFAULT '',
  likelihood INTEGER,
  consequence INTEGER,
  matrix_size INTEGER,
  justification TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL CHECK (origin IN ('proposed', 'manual')),
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'dismissed')),
  dismissal_reason TEXT,
  needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX findings_assessment ON findings(assessment_id);

CREATE TABLE measures (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  finding_id TEXT REFERENCES findings(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  rationale TEXT NOT NULL DEFAULT '',
  responsible_role TEXT NOT NULL,
  deadline TEXT,
  priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
  drop_reason TEXT,
  agreed_by TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX measures_assessment ON measures(assessment_id);
CREATE INDEX measures_deadline ON measures(deadline) WHERE status NOT IN ('done', 'dropped');

-- A frozen copy of an assessment's answers, scores, findings and measures when it was issued.
CREATE TABLE revisions (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  frozen_at TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  UNIQUE (assessment_id, number)
);

CREATE TABLE issued_reports (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  template_id TEXT NOT NULL,
  template_version TEXT NOT NULL,
  language TEXT NOT NULL,
  files TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX issued_reports_assessment ON issued_reports(assessment_id);

CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('package', 'survey', 'guide')),
  source_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{}',
  imported_at TEXT NOT NULL
);
`;

// A finding keeps the level it was rated at, so a later change of the consultancy's bands can flag
// it for review instead of silently giving it another level.
const findingLevel = `
ALTER TABLE findings ADD COLUMN level TEXT CHECK (level IN ('low', 'medium', 'high'));
`;

// Survey respondents as rows of their own (one interview of kind 'survey' per group holds them, so a
// 10,000-row file is not 10,000 interviews), the column mapping a consultant made for a guide, and
// the link from an assessment imported as a copy ("keep both") to the id it had in its package.
const surveysAndCopies = `
CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  language TEXT,
  answered_on TEXT,
  answers TEXT NOT NULL
);
CREATE INDEX survey_responses_interview ON survey_responses(interview_id, position);

CREATE TABLE survey_column_mappings (
  guide_id TEXT NOT NULL,
  header TEXT NOT NULL,
  target TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (guide_id, header)
);

CREATE TABLE assessment_copies (
  copy_id TEXT PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
  original_id TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assessment_copies_original ON assessment_copies(original_id);
`;

/** Issued report files kept inside the database, where encryption at rest covers them: used while the
 * data folder is encrypted (a plain folder keeps them in reports/<assessment id>/). */
const issuedReportContents = `
CREATE TABLE issued_report_contents (
  report_id TEXT NOT NULL REFERENCES issued_reports(id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  content BLOB NOT NULL,
  PRIMARY KEY (report_id, format)
);
`;

// Private answering (issue 12): the items the consultant marks as sensitive for an assessment (beside
// those the guide marks), and the answer mode chosen when an interview starts (null until chosen).
const privateAnswering = `
ALTER TABLE assessments ADD COLUMN sensitive_item_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE interviews ADD COLUMN answer_mode TEXT CHECK (answer_mode IN ('consensus', 'tally'));
`;

// Survey imports as batches that can be listed and undone (the assessment an import went into, when
// it was undone, and each survey interview's batch; earlier imports are linked by their shared time),
// and whose answers a response set holds: the employees', the managers' or the safety representatives'.
const importBatchesAndRoles = `
ALTER TABLE imports ADD COLUMN assessment_id TEXT REFERENCES assessments(id) ON DELETE SET NULL;
ALTER TABLE imports ADD COLUMN undone_at TEXT;
UPDATE imports SET assessment_id = json_extract(summary, '$.assessmentId')
  WHERE kind = 'survey' AND json_extract(summary, '$.assessmentId') IN (SELECT id FROM assessments);
CREATE INDEX imports_assessment ON imports(assessment_id, kind);

ALTER TABLE interviews ADD COLUMN import_id TEXT REFERENCES imports(id);
UPDATE interviews SET import_id = (
  SELECT i.id FROM imports i
  WHERE i.kind = 'survey' AND i.assessment_id = interviews.assessment_id AND i.imported_at = interviews.created_at
  LIMIT 1
) WHERE kind = 'survey';
CREATE INDEX interviews_import ON interviews(import_id);

ALTER TABLE interviews ADD COLUMN respondent_role TEXT NOT NULL DEFAULT 'employees'
  CHECK (respondent_role IN ('employees', 'managers', 'safetyRepresentatives'));
`;

// The formal report: the consultant's conclusions and, when no factor has a result to show, the
// reason the report is issued all the same; finding and measure numbers (F1, T1 …) given once per
// assessment and never again, so the app and every report use the same ones. Existing rows are
// numbered in the order they were made. A measure names the person responsible and the date it
// was agreed.
const reportTextsAndNumbers = `
ALTER TABLE assessments ADD COLUMN conclusions TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN no_results_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN number INTEGER CHECK (number >= 1);
ALTER TABLE measures ADD COLUMN number INTEGER CHECK (number >= 1);
ALTER TABLE measures ADD COLUMN responsible_name TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN agreed_on TEXT;
UPDATE findings SET number = (
  SELECT COUNT(*) FROM findings AS earlier
  WHERE earlier.assessment_id = findings.assessment_id
    AND (earlier.created_at < findings.created_at OR (earlier.created_at = findings.created_at AND earlier.rowid <= findings.rowid))
);
UPDATE measures SET number = (
  SELECT COUNT(*) FROM measures AS earlier
  WHERE earlier.assessment_id = measures.assessment_id
    AND (earlier.created_at < measures.created_at OR (earlier.created_at = measures.created_at AND earlier.rowid <= measures.rowid))
);
CREATE UNIQUE INDEX findings_number ON findings(assessment_id, number);
CREATE UNIQUE INDEX measures_number ON measures(assessment_id, number);
CREATE TABLE number_counters (
  assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('finding', 'measure')),
  last INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, kind)
);
INSERT INTO number_counters (assessment_id, kind, last)
  SELECT assessment_id, 'finding', MAX(number) FROM findings GROUP BY assessment_id;
INSERT INTO number_counters (assessment_id, kind, last)
  SELECT assessment_id, 'measure', MAX(number) FROM measures GROUP BY assessment_id;
`;

// The optional guide modules chosen when an assessment is planned (JSON list of module ids); an
// empty list asks the core set only, which for a guide without modules is every item.
const assessmentModules = `
ALTER TABLE assessments ADD COLUMN modules TEXT NOT NULL DEFAULT '[]';
`;

// The residual risk of a finding: likelihood and consequence once the agreed measures are in place,
// on the same matrix as the finding's rating, with the level that gave.
const residualRisk = `
ALTER TABLE findings ADD COLUMN residual_likelihood INTEGER CHECK (residual_likelihood BETWEEN 1 AND 5);
ALTER TABLE findings ADD COLUMN residual_consequence INTEGER CHECK (residual_consequence BETWEEN 1 AND 5);
ALTER TABLE findings ADD COLUMN residual_level TEXT CHECK (residual_level IN ('low', 'medium', 'high'));
`;

// When an interview was actually held, in the machine's local time: the date and the clock times of
// the first and last answer, recorded as answers are saved until the consultant edits them (held_edited).
const interviewHeldTimes = `
ALTER TABLE interviews ADD COLUMN held_on TEXT;
ALTER TABLE interviews ADD COLUMN held_from TEXT;
ALTER TABLE interviews ADD COLUMN held_until TEXT;
ALTER TABLE interviews ADD COLUMN held_edited INTEGER NOT NULL DEFAULT 0;
`;

// Team server sync (optional; docs/team-server.md): the server's address, this machine's device id and
// last sync; per shared record the server version and local content hash at its last sync (a record
// whose content hash differs from it is queued to be sent: the outbox); and the conflicts found, with
// the server's record kept until the consultant chooses.
const teamSync = `
CREATE TABLE team_sync_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  database TEXT NOT NULL,
  role TEXT NOT NULL,
  ca_pem TEXT,
  ssl_mode TEXT NOT NULL CHECK (ssl_mode IN ('verify-full', 'verify-ca')),
  device_id TEXT NOT NULL,
  last_sync_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE TABLE team_sync_records (
  kind TEXT NOT NULL CHECK (kind IN ('client', 'assessment')),
  record_id TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  local_sha256 TEXT NOT NULL,
  synced_at TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
);
CREATE TABLE team_sync_conflicts (
  kind TEXT NOT NULL CHECK (kind IN ('client', 'assessment')),
  record_id TEXT NOT NULL,
  title TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  server_record TEXT NOT NULL,
  server_updated_by TEXT NOT NULL,
  server_updated_at TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
);
`;

// Team sync, second step: server records set aside because they failed validation here (kept with a
// reason until a later sync fetches a valid version), and what a conflict is about (both edited, or
// deleted on one side and edited on the other).
const teamSyncQuarantineAndDeletions = `
CREATE TABLE team_sync_quarantine (
  kind TEXT NOT NULL CHECK (kind IN ('client', 'assessment', 'guide', 'template')),
  record_id TEXT NOT NULL,
  server_version INTEGER,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
);
ALTER TABLE team_sync_conflicts ADD COLUMN change TEXT NOT NULL DEFAULT 'edited' CHECK (change IN ('edited', 'deletedHere', 'deletedThere'));
`;

export const migrations: Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'finding level', sql: findingLevel },
  { version: 3, name: 'survey responses, column mappings, imported copies', sql: surveysAndCopies },
  { version: 4, name: 'issued report contents in the database', sql: issuedReportContents },
  { version: 5, name: 'sensitive items and answer mode', sql: privateAnswering },
  { version: 6, name: 'survey import batches, response set roles', sql: importBatchesAndRoles },
  { version: 7, name: 'report texts, finding and measure numbers', sql: reportTextsAndNumbers },
  { version: 8, name: 'assessment modules', sql: assessmentModules },
  { version: 9, name: 'residual risk of findings', sql: residualRisk },
  { version: 10, name: 'interview held date and times', sql: interviewHeldTimes },
  { version: 11, name: 'team server sync', sql: teamSync },
  { version: 12, name: 'team sync quarantine and deletions', sql: teamSyncQuarantineAndDeletions },
];

export const latestSchemaVersion = migrations[migrations.length - 1].version;
