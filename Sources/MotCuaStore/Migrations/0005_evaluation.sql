-- What the evaluations aggregate: the time each finished dossier took, and SQL mirrors of the
-- domain's date and timeliness rules (tested against MotCuaDomain on the same dossiers).

-- Time taken, in the procedure's own unit (working days, calendar days or working hours), supplement
-- waits excluded; and that time over the statutory time. Set when the dossier finishes.
ALTER TABLE dossiers ADD COLUMN elapsed numeric;
ALTER TABLE dossiers ADD COLUMN elapsed_ratio numeric;

-- The local (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) date of an instant, as VietnamTime computes it.
CREATE FUNCTION motcua_local_date(instant timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT ((instant AT TIME ZONE 'UTC') + interval '7 hours')::date $$;

-- Timeliness.of(dueDate:finishedAt:now:supplementRequests:) of MotCuaDomain.
CREATE FUNCTION motcua_timeliness(due date, finished timestamptz, as_of timestamptz, supplements int) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE
        WHEN due IS NULL THEN NULL
        WHEN finished IS NOT NULL THEN
            CASE WHEN supplements > 1 THEN 'late'
                 WHEN motcua_local_date(finished) < due THEN 'early'
                 WHEN motcua_local_date(finished) = due THEN 'on_time'
                 ELSE 'late' END
        WHEN supplements > 1 THEN 'overdue'
        WHEN motcua_local_date(as_of) <= due THEN 'within_deadline'
        ELSE 'overdue' END
    $$;

-- A unit's dossiers over a period: received before its end, by handling unit.
CREATE INDEX dossiers_handling_received ON dossiers (handling_unit, received_at) WHERE received_at IS NOT NULL;
CREATE INDEX dossiers_province_received ON dossiers (province, received_at) WHERE received_at IS NOT NULL;
-- Officers' weekly completion: steps by assignee and deadline.
CREATE INDEX dossier_steps_assignee_deadline ON dossier_steps (assignee_id, deadline);
CREATE INDEX dossier_steps_unit_closed ON dossier_steps (handling_unit, closed_at) WHERE closed_at IS NOT NULL;
