-- Fewer writes per dossier action (issue 14, step 3). Measured by `make bench` (WAL bytes and
-- MultiXact IDs per request, before and after, in the README).
--
-- 1. The search text leaves the dossier row. As a stored generated column of `dossiers` it sat in a
--    trigram GIN index that every action re-indexed: an action changes `status`, which other indexes
--    hold, so no update of a dossier is HOT and each new row version is inserted into every index,
--    the GIN one included (and the GIN pending list is flushed by whichever action fills it). The
--    applicant's name and the code never change, so the text is written once, at intake, into a
--    table of its own (a trigger keeps it, for any writer of dossiers).
CREATE FUNCTION motcua_dossier_search_text(code text, applicant_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT motcua_fold(code) || ' ' || motcua_fold(applicant_name) $$;

CREATE TABLE dossier_search (
    dossier_id   bigint PRIMARY KEY REFERENCES dossiers (id),
    search_text  text NOT NULL
);
INSERT INTO dossier_search (dossier_id, search_text)
SELECT id, motcua_dossier_search_text(code, applicant_name) FROM dossiers;
CREATE INDEX dossier_search_text ON dossier_search USING gin (search_text gin_trgm_ops);
DROP INDEX dossiers_search;
ALTER TABLE dossiers DROP COLUMN search_text;

CREATE FUNCTION motcua_dossier_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dossier_search (dossier_id, search_text)
    VALUES (NEW.id, motcua_dossier_search_text(NEW.code, NEW.applicant_name))
    ON CONFLICT (dossier_id) DO UPDATE SET search_text = EXCLUDED.search_text;
    RETURN NULL;
END $$;
CREATE TRIGGER dossiers_search_text AFTER INSERT OR UPDATE OF code, applicant_name ON dossiers
    FOR EACH ROW EXECUTE FUNCTION motcua_dossier_search_row();

-- 2. Reference rows are permanent, so the dossier tables need no foreign keys to them. A foreign key
--    check locks the referenced row FOR KEY SHARE: every intake locked its province's and communes'
--    unit rows, its procedure version and its officer's user row; every action its officer's row.
--    Concurrent lockers of one row share it through a MultiXact (a new one for each locker that joins),
--    and each lock writes WAL and dirties the referenced page. Units, users and procedure versions are
--    never deleted (users are deactivated, versions superseded): the triggers below make that a rule,
--    so a reference that was valid when written stays valid; the writers read the referenced rows in
--    the same transaction (intake checks its units and procedure, a step's officer is selected from
--    users, the actor is the authenticated user).
CREATE FUNCTION motcua_permanent_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are never deleted and keep their key', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER units_permanent BEFORE DELETE ON units FOR EACH ROW EXECUTE FUNCTION motcua_permanent_row();
CREATE TRIGGER units_key_permanent BEFORE UPDATE OF code ON units
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION motcua_permanent_row();
CREATE TRIGGER users_permanent BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION motcua_permanent_row();
CREATE TRIGGER users_key_permanent BEFORE UPDATE OF id ON users
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION motcua_permanent_row();
CREATE TRIGGER procedure_versions_permanent BEFORE DELETE ON procedure_versions
    FOR EACH ROW EXECUTE FUNCTION motcua_permanent_row();
CREATE TRIGGER procedure_versions_key_permanent BEFORE UPDATE OF code, version ON procedure_versions
    FOR EACH ROW WHEN ((OLD.code, OLD.version) IS DISTINCT FROM (NEW.code, NEW.version)) EXECUTE FUNCTION motcua_permanent_row();
-- TRUNCATE skips row triggers; the remaining foreign keys of the catalog and access tables refuse it.

ALTER TABLE dossiers
    DROP CONSTRAINT dossiers_province_fkey,
    DROP CONSTRAINT dossiers_receiving_unit_fkey,
    DROP CONSTRAINT dossiers_handling_unit_fkey,
    DROP CONSTRAINT dossiers_assignee_id_fkey,
    DROP CONSTRAINT dossiers_created_by_fkey,
    DROP CONSTRAINT dossiers_procedure_code_procedure_version_fkey;
ALTER TABLE dossier_events DROP CONSTRAINT dossier_events_actor_id_fkey;
ALTER TABLE dossier_steps
    DROP CONSTRAINT dossier_steps_handling_unit_fkey,
    DROP CONSTRAINT dossier_steps_assignee_id_fkey,
    DROP CONSTRAINT dossier_steps_assigned_by_fkey,
    DROP CONSTRAINT dossier_steps_closed_by_fkey;
ALTER TABLE dossier_payments DROP CONSTRAINT dossier_payments_recorded_by_fkey;
ALTER TABLE supplement_requests DROP CONSTRAINT supplement_requests_requested_by_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_user_id_fkey;

-- 3. An index no statement reads: the officers' evaluation groups a unit's steps by assignee after
--    selecting them by handling unit (dossier_steps_unit_deadline, dossier_steps_unit_closed).
DROP INDEX dossier_steps_assignee_deadline;
