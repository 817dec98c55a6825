-- pgbench script: the SQL of one GET /v1/dossiers/{code} (scripts/bench/get.lua) as the server sends it.
-- 1 statement, 1 round trip, no transaction (`make bench` checks this against a traced request: sqlcheck.py).
--   1. DossierStore.get (Sources/MotCuaStore/Dossiers/DossierStore.swift): DossierRecord.selectList and
--      fromClause (Sources/MotCuaStore/Dossiers/DossierRecord.swift) with the caller's scope,
--      Principal.dossierScope (Sources/MotCuaStore/Access/Principal+Scope.swift; province-wide for bench.admin).
-- Not sent per request: the bearer token lookup (TokenStore.principal), answered by Authenticator's
-- in-memory cache (Sources/MotCuaServer/Auth/Authenticator.swift, 5 s per token).
--
-- Rows: the GET sample, get_per_unit dossiers per commune from load.sql (any status but submitted),
-- renamed BENCH.uu-190101-nnnn by scripts/bench/fixtures.sql; the server's GET phase reads the same codes.
-- Parameters: the server binds the code as text ($1); pgbench can only \set numbers, so the code is
-- built in SQL from two integers (the expression marked /*bind*/ stands where the server has $1; an
-- expression of parameters, evaluated once per execution, the plan is the same index scan).
-- The other values come from -D: province, get_per_unit (scripts/bench.sh).
\set u random(1, 20)
\set s random(1, :get_per_unit)
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
WHERE d.code = /*bind*/ ('BENCH.' || lpad(:u::text, 2, '0') || '-190101-' || lpad(:s::text, 4, '0')) AND d.province = :province;
