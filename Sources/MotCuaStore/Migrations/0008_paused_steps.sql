-- A control-slip step pauses while its dossier waits for the citizen (a supplement request during
-- processing): a paused step is neither due nor overdue, and when the wait ends its deadline moves
-- by the office time waited. The deadline before the pause is kept, so a week's figures, computed
-- with the deadline as it stood at the week's end, never change after the fact.
ALTER TABLE dossier_steps ADD COLUMN paused_at timestamptz;
ALTER TABLE dossier_steps ADD COLUMN resumed_at timestamptz;
ALTER TABLE dossier_steps ADD COLUMN deadline_before_pause timestamptz;
ALTER TABLE dossier_steps ADD CONSTRAINT dossier_steps_pause_complete
    CHECK ((paused_at IS NULL) = (deadline_before_pause IS NULL) AND (resumed_at IS NULL OR paused_at IS NOT NULL));

-- Steps open on dossiers that wait today are paused since the wait began.
UPDATE dossier_steps s SET paused_at = d.supplement_pending_at, deadline_before_pause = s.deadline
FROM dossiers d
WHERE d.current_step_id = s.id AND s.closed_at IS NULL AND d.status = 5 AND d.supplement_pending_at IS NOT NULL;

-- Officers' weekly completion: steps whose wait ended after a week's cut-off are judged by their
-- earlier deadline in that week.
CREATE INDEX dossier_steps_resumed ON dossier_steps (handling_unit, resumed_at) WHERE paused_at IS NOT NULL;

-- The working days of past waits: nothing reads them (the time taken is computed from the waits in
-- supplement_requests, in the procedure's own unit).
ALTER TABLE dossiers DROP COLUMN paused_days;

-- Recomputations that need the working calendar (Swift) rather than SQL: the server runs each once
-- after migrating, in the transaction that removes its row.
CREATE TABLE pending_backfills (name text PRIMARY KEY);
-- The time taken by finished working-hour dossiers counted their supplement waits; it no longer does.
INSERT INTO pending_backfills VALUES ('elapsed-excludes-waits');
