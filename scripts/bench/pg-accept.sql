-- pgbench script: the SQL of one POST /v1/dossiers/{code}/accept (scripts/bench/action.lua) on a dossier
-- submitted online, as the server sends it. 5 statements, one transaction; the server pipelines them in 2 round trips
-- (1-3, then 4-5), pgbench sends one at a time (checked
-- against a traced request by scripts/bench/sqlcheck.py):
--   1. BEGIN ISOLATION LEVEL READ COMMITTED  PostgresPool.withTransaction (Sources/MotCuaPostgres/PostgresPool+Transaction.swift;
--                                            sent unnamed with the first statement by the server, prepared here)
--   2. lock the row by code, in scope        DossierStore.perform (Sources/MotCuaStore/Dossiers/DossierStore+Actions.swift)
--   3. read the whole record by code         DossierStore.perform, after the lock: DossierRecord.selectList (Sources/MotCuaStore/Dossiers/DossierRecord.swift)
--   4. new state + event + outbox + record   DossierChange.save (DossierStore+Actions.swift) with the sets of
--                                            DossierChange.accept (Sources/MotCuaStore/Dossiers/DossierChange+Effects.swift),
--                                            DossierEvent.returning/inserts (Sources/MotCuaStore/Dossiers/EventWriter.swift)
--   5. COMMIT
-- Not sent per request: the bearer token lookup (Authenticator, 5 s cache), the working calendar
-- (CalendarProvider, 30 s), the procedure version (ProcedureVersionCache). The state machine's check
-- (DossierRules) runs in Swift on the record of statement 3: no statement checks the status, so
-- repeating the transaction on a row does the same work.
--
-- Rows: pgbench's own pool, BENCH.uu-190102-nnnn (pool_per_unit per commune, submitted online like the
-- server's BENCH.uu-200101-nnnn; scripts/bench/fixtures.sql), picked at random and repeated, so it never
-- takes the rows of the server's phases. Parameters: the code is built in SQL from two integers
-- (/*bind*/ marks it where the server binds $1); pgbench cannot bind SQL NULL, so the event's step,
-- step_deadline, timeliness and reason, which the server binds as NULL, are /*bind*/ NULL; the row id
-- comes from statement 2 (\gset), like the server's; every other value is a variable, from the -D lines
-- below or from scripts/bench.sh (province, actor, now, today, due_date, due_at, pool_per_unit).
-- -D event=accept
-- -D event_data={"dueDate": "2026-12-07"}
\set u random(1, 20)
\set s random(1, :pool_per_unit)
\set from_status 1
\set status 2
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT d.id FROM dossiers d WHERE d.code = /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0') || '-190102-' || lpad(:s::text, 4, '0')) AND d.province = :province FOR UPDATE \gset
SELECT d.id, d.code, d.province, d.procedure_code, d.procedure_version, pv.name, d.receiving_unit, d.handling_unit,
d.channel, d.status, d.applicant, d.documents, d.note, d.submitted_at, d.received_at, d.start_date::text,
d.due_date::text, d.due_at, d.appointment_date::text, d.accept_by, d.assignee_id, u.username,
s.id, s.step_code, s.step_name, s.opened_at, s.deadline, d.supplement_requests, d.supplement_pending_at,
d.apologized, d.finished_at, d.fee_requested, d.fee_paid,
(SELECT jsonb_agg(jsonb_build_object('amount', p.amount, 'channel', p.channel, 'epoch', extract(epoch FROM p.at)) ORDER BY p.id)
   FROM dossier_payments p WHERE p.dossier_id = d.id AND p.kind = 'payment'),
d.lookup_key, d.version, d.created_at, d.updated_at, d.listed_at, CASE WHEN s.resumed_at IS NULL THEN s.paused_at END,
d.external_reference,
(SELECT count(*) FROM supplement_requests r WHERE r.dossier_id = d.id AND r.handling_unit = d.handling_unit),
d.incomplete_expires_at IS NOT NULL FROM dossiers d
JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version
LEFT JOIN users u ON u.id = d.assignee_id
LEFT JOIN dossier_steps s ON s.id = d.current_step_id AND s.closed_at IS NULL WHERE d.code = /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0') || '-190102-' || lpad(:s::text, 4, '0'));
WITH d AS (UPDATE dossiers SET status = :status, version = version + 1, updated_at = :now, received_at = :now, start_date = :today::date, due_date = :due_date::date, due_at = :due_at, appointment_date = :due_date::date, accept_by = NULL, incomplete_expires_at = NULL WHERE id = :id RETURNING dossiers.*, motcua_portal_dossier(dossiers, :now) AS portal_payload), e AS (
    INSERT INTO dossier_events (dossier_id, at, type, from_status, to_status, actor_id, step, step_deadline, timeliness, reason, data)
    SELECT d.id, :now, :event, :from_status, :status, :actor, /*bind*/ NULL, /*bind*/ NULL, /*bind*/ NULL,
           /*bind*/ NULL, :event_data::jsonb
    FROM d
    RETURNING id, dossier_id, type, at),
o AS (
    INSERT INTO outbox (dossier_id, event_id, topic, payload, province, occurred_at)
    SELECT e.dossier_id, e.id, 'dossier.' || e.type, d.portal_payload, d.province, e.at
    FROM e JOIN d ON d.id = e.dossier_id)
SELECT d.id, d.code, d.province, d.procedure_code, d.procedure_version, pv.name, d.receiving_unit, d.handling_unit,
d.channel, d.status, d.applicant, d.documents, d.note, d.submitted_at, d.received_at, d.start_date::text,
d.due_date::text, d.due_at, d.appointment_date::text, d.accept_by, d.assignee_id, u.username,
s.id, s.step_code, s.step_name, s.opened_at, s.deadline, d.supplement_requests, d.supplement_pending_at,
d.apologized, d.finished_at, d.fee_requested, d.fee_paid,
(SELECT jsonb_agg(jsonb_build_object('amount', p.amount, 'channel', p.channel, 'epoch', extract(epoch FROM p.at)) ORDER BY p.id)
   FROM dossier_payments p WHERE p.dossier_id = d.id AND p.kind = 'payment'),
d.lookup_key, d.version, d.created_at, d.updated_at, d.listed_at, CASE WHEN s.resumed_at IS NULL THEN s.paused_at END,
d.external_reference,
(SELECT count(*) FROM supplement_requests r WHERE r.dossier_id = d.id AND r.handling_unit = d.handling_unit),
d.incomplete_expires_at IS NOT NULL FROM d d
JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version
LEFT JOIN users u ON u.id = d.assignee_id
LEFT JOIN dossier_steps s ON s.id = d.current_step_id AND s.closed_at IS NULL;
COMMIT;
