// Team server migration 2: each record's package format version (a laptop with an older Kartlegg sets
// a newer record aside instead of misreading it), tombstones for deleted clients and assessments (the
// same rows, so the same row-level security and audit columns apply; an assessment with an issued
// revision can never become one), and the firm's own report templates, shared as guides are.
export const tombstonesAndTemplates = `
ALTER TABLE kartlegg.clients ADD COLUMN format_version integer NOT NULL DEFAULT 1 CHECK (format_version >= 0);
ALTER TABLE kartlegg.assessments ADD COLUMN format_version integer NOT NULL DEFAULT 1 CHECK (format_version >= 0);

-- A tombstone keeps its row (id, version, who deleted it, when, from which device) and drops the content.
ALTER TABLE kartlegg.clients ADD COLUMN deleted boolean NOT NULL DEFAULT false;
ALTER TABLE kartlegg.assessments ADD COLUMN deleted boolean NOT NULL DEFAULT false;
ALTER TABLE kartlegg.clients ALTER COLUMN record DROP NOT NULL;
ALTER TABLE kartlegg.assessments ALTER COLUMN record DROP NOT NULL;
ALTER TABLE kartlegg.clients ADD CONSTRAINT clients_record_or_tombstone CHECK ((record IS NULL) = deleted);
ALTER TABLE kartlegg.assessments ADD CONSTRAINT assessments_record_or_tombstone CHECK ((record IS NULL) = deleted);

-- Issued revisions are the record of what was reported: an assessment that has one is never deleted.
CREATE FUNCTION kartlegg.keep_issued() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF NEW.deleted AND NOT OLD.deleted AND jsonb_array_length(coalesce(OLD.record->'revisions', '[]'::jsonb)) > 0 THEN
    RAISE EXCEPTION 'assessment % has issued revisions and cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER assessments_keep_issued BEFORE UPDATE ON kartlegg.assessments FOR EACH ROW EXECUTE FUNCTION kartlegg.keep_issued();

-- Report templates are immutable per id and version, as guides are.
CREATE TABLE kartlegg.templates (
  firm_id text NOT NULL DEFAULT kartlegg.my_firm() REFERENCES kartlegg.firms(id),
  team_id text DEFAULT kartlegg.my_team(),
  template_id text NOT NULL CHECK (length(template_id) BETWEEN 1 AND 80),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 20),
  content text NOT NULL CHECK (length(content) <= 2000000),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_by name NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_device text,
  PRIMARY KEY (firm_id, template_id, version)
);
CREATE TRIGGER templates_stamp BEFORE INSERT ON kartlegg.templates FOR EACH ROW EXECUTE FUNCTION kartlegg.stamp_guide();
ALTER TABLE kartlegg.templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.templates FORCE ROW LEVEL SECURITY;
CREATE POLICY member_reads ON kartlegg.templates FOR SELECT TO kartlegg_consultant
  USING (firm_id = (SELECT kartlegg.my_firm()) AND (team_id IS NULL OR team_id = (SELECT kartlegg.my_team())));
CREATE POLICY member_adds ON kartlegg.templates FOR INSERT TO kartlegg_consultant
  WITH CHECK (firm_id = (SELECT kartlegg.my_firm()) AND team_id IS NOT DISTINCT FROM (SELECT kartlegg.my_team()));
GRANT SELECT, INSERT ON kartlegg.templates TO kartlegg_consultant;
`;
