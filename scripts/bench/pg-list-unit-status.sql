-- pgbench script: the SQL of one GET /v1/dossiers?limit=50&unit=&status= (scripts/bench/list.lua) as the
-- server sends it. 1 statement, 1 round trip, no transaction (checked against a traced request: sqlcheck.py).
--   1. DossierStore.list / listQuery (Sources/MotCuaStore/Dossiers/DossierStore+List.swift): a page of
--      51 (limit + 1) ids per unit branch (received by the unit; handled by it, received elsewhere),
--      merged, then DossierRecord.selectList (Sources/MotCuaStore/Dossiers/DossierRecord.swift) for them.
-- Not sent per request: the bearer token lookup (Authenticator's in-memory cache, 5 s per token).
--
-- Parameters: unit BENCH.01-20 built in SQL from an integer (/*bind*/ marks where the server binds $1
-- and $5); status as list.lua picks it: received 2, in_progress 4, resolved 9, returned 10,
-- supplement_requested 5. province comes from -D (scripts/bench.sh).
\set u random(1, 20)
\set k random(1, 5)
\set status case when :k = 1 then 2 when :k = 2 then 4 when :k = 3 then 9 when :k = 4 then 10 else 5 end
\set limit 51
WITH page AS (SELECT DISTINCT id, listed_at, code FROM ((SELECT d.id, d.listed_at, d.code FROM dossiers d WHERE d.receiving_unit = /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')) AND d.province = :province AND d.status = :status ORDER BY d.listed_at DESC, d.code DESC LIMIT :limit) UNION ALL (SELECT d.id, d.listed_at, d.code FROM dossiers d WHERE d.handling_unit = /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0')) AND d.handling_unit <> d.receiving_unit AND d.province = :province AND d.status = :status ORDER BY d.listed_at DESC, d.code DESC LIMIT :limit)) b
              ORDER BY listed_at DESC, code DESC LIMIT :limit)
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
LEFT JOIN dossier_steps s ON s.id = d.current_step_id AND s.closed_at IS NULL
JOIN page ON page.id = d.id
ORDER BY d.listed_at DESC, d.code DESC;
