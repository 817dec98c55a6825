-- pgbench script: the SQL of one counter intake, POST /v1/dossiers (scripts/bench/intake.lua, no
-- Idempotency-Key), as the server sends it. 4 statements, one transaction; the server pipelines them
-- in 2 round trips (1-2, then 3-4), pgbench sends one at a time
-- (checked against a traced request by scripts/bench/sqlcheck.py):
--   1. BEGIN ISOLATION LEVEL READ COMMITTED  PostgresPool.withTransaction (Sources/MotCuaPostgres/PostgresPool+Transaction.swift;
--                                            sent unnamed with the first statement by the server, prepared here)
--   2. procedure version + both units        DossierStore.checkProcedureAndUnits (Sources/MotCuaStore/Dossiers/DossierStore+Intake.swift)
--   3. counter + dossier + event + outbox    DossierStore.insertQuery: WITH counter AS (INSERT INTO dossier_counters ...),
--      + the record                          d AS (INSERT INTO dossiers ... SELECT prefix || sequence FROM counter ...),
--                                            e, o (DossierEvent.inserts, Sources/MotCuaStore/Dossiers/EventWriter.swift),
--                                            SELECT DossierRecord.selectList FROM d (Sources/MotCuaStore/Dossiers/DossierRecord.swift)
--   4. COMMIT                                sent with statement 3 (PostgresConnection.queryCommitting)
-- Not sent per request: the bearer token lookup (Authenticator, 5 s cache), the working calendar
-- (CalendarProvider, reloaded every 30 s), the procedure version (ProcedureVersionCache); with an
-- Idempotency-Key the server would add pg_advisory_xact_lock, a lookup and an INSERT INTO idempotency_keys.
--
-- Parameters: the receiving unit BENCH.01-20 is built in SQL from an integer, and the dossier code from
-- the unit, today's YYMMDD and the counter's sequence (DossierCode.description: at least
-- 4 digits); /*bind*/ marks such an expression where the server binds $n. pgbench cannot bind SQL
-- NULL: where the server binds NULL (note, submitted_at, accept_by, external_reference, the event's
-- from_status, step, step_deadline, timeliness, reason) the script has /*bind*/ NULL. Every other value
-- is a variable: from the -D lines below, or from scripts/bench.sh (province, procedure, procedure_version,
-- actor, now, today, yymmdd, due_date, due_at): constants for the whole run, where the server binds the
-- request's own values (the same types and sizes). Codes are unique: the counter row allocates them
-- for pgbench and the server alike.
-- -D channel=counter
-- -D applicant={"fullName": "Nguyễn Văn Bench 1", "idNumber": "001190000001"}
-- -D applicant_name=Nguyễn Văn Bench 1
-- -D documents=[{"code": "CCCD", "name": "Căn cước", "digitized": false}, {"code": "GT", "name": "Giấy tờ cần chứng thực", "digitized": true}]
-- -D digitized=t
-- -D lookup_key=6U94WX4YRT4P
-- -D event=intake
-- -D event_data={"channel": "counter"}
\set u random(1, 20)
\set status 2
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT v.current_version, u.code, u.kind, u.province
FROM (SELECT (SELECT current_version FROM procedures WHERE code = :procedure) AS current_version) v
LEFT JOIN units u ON u.code IN (/*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')), /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')));
WITH counter AS (
    INSERT INTO dossier_counters (agency, day, last_seq) VALUES (/*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')), :today::date, 1)
    ON CONFLICT (agency, day) DO UPDATE SET last_seq = dossier_counters.last_seq + 1
    RETURNING last_seq),
d AS (
    INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status,
        applicant, applicant_name, documents, digitized, note, submitted_at, received_at, listed_at, start_date, due_date,
        due_at, appointment_date, accept_by, lookup_key, external_reference, created_by, created_at, updated_at)
    SELECT /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0') || '-' || :yymmdd || '-') || lpad(counter.last_seq::text, greatest(/*bind*/ (4), length(counter.last_seq::text)), '0'),
        :province, :procedure, :procedure_version, /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')), /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')),
        :channel, :status, :applicant::jsonb, :applicant_name,
        :documents::jsonb, :digitized, /*bind*/ NULL,
        /*bind*/ NULL, :now, :now, :today::date,
        :due_date::date, :due_at, :due_date::date,
        /*bind*/ NULL, :lookup_key, /*bind*/ NULL, :actor, :now, :now
    FROM counter
    RETURNING dossiers.*, motcua_portal_dossier(dossiers, :now) AS portal_payload),
e AS (
    INSERT INTO dossier_events (dossier_id, at, type, from_status, to_status, actor_id, step, step_deadline, timeliness, reason, data)
    SELECT d.id, :now, :event, /*bind*/ NULL, :status, :actor, /*bind*/ NULL, /*bind*/ NULL, /*bind*/ NULL,
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
