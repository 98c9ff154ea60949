// Team server migration 1: firms, teams and members (login role -> firm/team), the shared records in
// the package format, row-level security so a consultant sees only their firm's and team's rows, and
// audit columns the server fills in itself (who, when, from which device), so a client cannot forge them.
export const teamSchema = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kartlegg_consultant') THEN
    CREATE ROLE kartlegg_consultant NOLOGIN;
  END IF;
END $$;

CREATE SCHEMA kartlegg;
REVOKE ALL ON SCHEMA kartlegg FROM PUBLIC;
GRANT USAGE ON SCHEMA kartlegg TO kartlegg_consultant;

CREATE TABLE kartlegg.firms (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 400)
);

CREATE TABLE kartlegg.teams (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  firm_id text NOT NULL REFERENCES kartlegg.firms(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 400),
  UNIQUE (id, firm_id)
);

-- One row per consultant's login role. A consultant without a team sees and writes firm-wide rows only.
CREATE TABLE kartlegg.members (
  role_name name PRIMARY KEY,
  firm_id text NOT NULL REFERENCES kartlegg.firms(id),
  team_id text,
  FOREIGN KEY (team_id, firm_id) REFERENCES kartlegg.teams(id, firm_id)
);

-- Who the caller is, for the policies: read with the caller's own rights (a consultant may read their
-- own membership row only). Not SECURITY DEFINER: inside one, current_user would be the definer.
CREATE FUNCTION kartlegg.my_firm() RETURNS text
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
  AS $$ SELECT firm_id FROM kartlegg.members WHERE role_name = current_user $$;
CREATE FUNCTION kartlegg.my_team() RETURNS text
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
  AS $$ SELECT team_id FROM kartlegg.members WHERE role_name = current_user $$;
REVOKE ALL ON FUNCTION kartlegg.my_firm(), kartlegg.my_team() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kartlegg.my_firm(), kartlegg.my_team() TO kartlegg_consultant;

-- Interview guides are immutable per id and version: inserted once, never updated.
CREATE TABLE kartlegg.guides (
  firm_id text NOT NULL DEFAULT kartlegg.my_firm() REFERENCES kartlegg.firms(id),
  team_id text DEFAULT kartlegg.my_team(),
  guide_id text NOT NULL CHECK (length(guide_id) BETWEEN 1 AND 80),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 20),
  content text NOT NULL CHECK (length(content) <= 16000000),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_by name NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_device text,
  PRIMARY KEY (firm_id, guide_id, version)
);

-- A client part and an assessment part of the package format (docs/package-format.md, section 3),
-- one row each. version counts the row's changes; the server sets it, the client sends what it expects.
CREATE TABLE kartlegg.clients (
  firm_id text NOT NULL DEFAULT kartlegg.my_firm() REFERENCES kartlegg.firms(id),
  team_id text DEFAULT kartlegg.my_team(),
  id uuid NOT NULL,
  record jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  version integer NOT NULL DEFAULT 1,
  created_by name NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by name NOT NULL DEFAULT current_user,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_device text,
  PRIMARY KEY (firm_id, id)
);

CREATE TABLE kartlegg.assessments (
  firm_id text NOT NULL DEFAULT kartlegg.my_firm() REFERENCES kartlegg.firms(id),
  team_id text DEFAULT kartlegg.my_team(),
  id uuid NOT NULL,
  client_id uuid NOT NULL,
  record jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  version integer NOT NULL DEFAULT 1,
  created_by name NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by name NOT NULL DEFAULT current_user,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_device text,
  PRIMARY KEY (firm_id, id)
);

-- The audit columns and the version are the server's: whatever the client sends is overwritten.
-- The device is what the client set with set_config('kartlegg.device', ..., true) in its transaction.
CREATE FUNCTION kartlegg.stamp_row() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
    NEW.created_by := current_user;
    NEW.created_at := now();
  ELSE
    NEW.version := OLD.version + 1;
    NEW.created_by := OLD.created_by;
    NEW.created_at := OLD.created_at;
    NEW.firm_id := OLD.firm_id;
  END IF;
  NEW.updated_by := current_user;
  NEW.updated_at := now();
  NEW.updated_device := left(nullif(current_setting('kartlegg.device', true), ''), 200);
  RETURN NEW;
END $$;
CREATE TRIGGER clients_stamp BEFORE INSERT OR UPDATE ON kartlegg.clients FOR EACH ROW EXECUTE FUNCTION kartlegg.stamp_row();
CREATE TRIGGER assessments_stamp BEFORE INSERT OR UPDATE ON kartlegg.assessments FOR EACH ROW EXECUTE FUNCTION kartlegg.stamp_row();

CREATE FUNCTION kartlegg.stamp_guide() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  NEW.created_by := current_user;
  NEW.created_at := now();
  NEW.created_device := left(nullif(current_setting('kartlegg.device', true), ''), 200);
  RETURN NEW;
END $$;
CREATE TRIGGER guides_stamp BEFORE INSERT ON kartlegg.guides FOR EACH ROW EXECUTE FUNCTION kartlegg.stamp_guide();

-- Row-level security, forced so that even the tables' owner goes through it. A row with no team is
-- the whole firm's; a row with a team is that team's.
ALTER TABLE kartlegg.firms ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.guides ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.guides FORCE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.clients FORCE ROW LEVEL SECURITY;
ALTER TABLE kartlegg.assessments FORCE ROW LEVEL SECURITY;

CREATE POLICY own_firm ON kartlegg.firms FOR SELECT TO kartlegg_consultant USING (id = (SELECT kartlegg.my_firm()));
CREATE POLICY own_team ON kartlegg.teams FOR SELECT TO kartlegg_consultant USING (id = (SELECT kartlegg.my_team()));
CREATE POLICY own_membership ON kartlegg.members FOR SELECT TO kartlegg_consultant USING (role_name = current_user);

CREATE POLICY member_reads ON kartlegg.guides FOR SELECT TO kartlegg_consultant
  USING (firm_id = (SELECT kartlegg.my_firm()) AND (team_id IS NULL OR team_id = (SELECT kartlegg.my_team())));
CREATE POLICY member_adds ON kartlegg.guides FOR INSERT TO kartlegg_consultant
  WITH CHECK (firm_id = (SELECT kartlegg.my_firm()) AND team_id IS NOT DISTINCT FROM (SELECT kartlegg.my_team()));

CREATE POLICY member_rows ON kartlegg.clients FOR ALL TO kartlegg_consultant
  USING (firm_id = (SELECT kartlegg.my_firm()) AND (team_id IS NULL OR team_id = (SELECT kartlegg.my_team())))
  WITH CHECK (firm_id = (SELECT kartlegg.my_firm()) AND (team_id IS NULL OR team_id = (SELECT kartlegg.my_team())));
CREATE POLICY member_rows ON kartlegg.assessments FOR ALL TO kartlegg_consultant
  USING (firm_id = (SELECT kartlegg.my_firm()) AND (team_id IS NULL OR team_id = (SELECT kartlegg.my_team())))
  WITH CHECK (firm_id = (SELECT kartlegg.my_firm()) AND (team_id IS NULL OR team_id = (SELECT kartlegg.my_team())));

GRANT SELECT ON kartlegg.firms, kartlegg.teams, kartlegg.members TO kartlegg_consultant;
GRANT SELECT, INSERT ON kartlegg.guides TO kartlegg_consultant;
-- No DELETE: sync never removes a shared record; removing one is the firm's IT's decision.
GRANT SELECT, INSERT, UPDATE ON kartlegg.clients, kartlegg.assessments TO kartlegg_consultant;
`;
