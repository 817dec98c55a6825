-- The dossiers `make bench` acts on, added after load.sql's generated history. psql variables:
--   online        dossiers submitted online, for the server's accept phase (then assign and resolve)
--   get_per_unit  dossiers per commune in the GET sample
--   pool_per_unit dossiers per commune in each of pgbench's pools
-- Codes whose date part is 1901xx or 2001xx are these fixtures: load.sql generates the last 12
-- months only. Every code here is computable from integers (pgbench can only \set numbers):
-- 'BENCH.' || lpad(u, 2, '0') || '-YYMMDD-' || lpad(s, 4, '0') with u in 1..20 and s from 1.
\set ON_ERROR_STOP on

-- 1. Submitted online, waiting for the desk: BENCH.uu-200101-nnnn, g = 20 * (s - 1) + (u - 1).
INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status, applicant,
    applicant_name, documents, submitted_at, listed_at, accept_by, lookup_key)
SELECT 'BENCH.' || lpad((1 + g % 20)::text, 2, '0') || '-200101-' || lpad((1 + g / 20)::text, 4, '0'), 'BENCH', '2.000884',
       (SELECT current_version FROM procedures WHERE code = '2.000884'),
       'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'online', 1,
       '{"fullName":"Bench Online","idNumber":"001190000001"}', 'Bench Online', '[{"code":"CCCD","name":"CCCD","digitized":false},{"code":"GT","name":"GT","digitized":true}]',
       now(), now(), now() + interval '1 day', upper(substr(md5('o' || g), 1, 12))
FROM generate_series(0, :online - 1) g;

-- 2. The GET sample: get_per_unit generated dossiers per commune, in any status but submitted, renamed
--    BENCH.uu-190101-nnnn (receiving commune uu). The server's GET phase and pg-get-by-code.sql read
--    exactly these rows; their data (status, steps, assignee, history) stays load.sql's.
WITH pick AS (
    SELECT id, receiving_unit, row_number() OVER (PARTITION BY receiving_unit ORDER BY random()) AS n
    FROM dossiers WHERE province = 'BENCH' AND status <> 1 AND code NOT LIKE 'BENCH.__-2001%')
UPDATE dossiers d SET code = pick.receiving_unit || '-190101-' || lpad(pick.n::text, 4, '0')
FROM pick WHERE pick.id = d.id AND pick.n <= :get_per_unit;

-- 3. pgbench's pools, one per action, so pgbench never takes a row of the server's phases (which
--    exclude 1901xx codes): the rows of the status the action applies to, like the server's.
--    accept:  BENCH.uu-190102-nnnn, submitted online (as in 1)
INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status, applicant,
    applicant_name, documents, submitted_at, listed_at, accept_by, lookup_key)
SELECT 'BENCH.' || lpad((1 + g % 20)::text, 2, '0') || '-190102-' || lpad((1 + g / 20)::text, 4, '0'), 'BENCH', '2.000884',
       (SELECT current_version FROM procedures WHERE code = '2.000884'),
       'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'online', 1,
       '{"fullName":"Bench Online","idNumber":"001190000001"}', 'Bench Online', '[{"code":"CCCD","name":"CCCD","digitized":false},{"code":"GT","name":"GT","digitized":true}]',
       now(), now(), now() + interval '1 day', upper(substr(md5('p' || g), 1, 12))
FROM generate_series(0, 20 * :pool_per_unit - 1) g;

--    assign:  BENCH.uu-190103-nnnn, received at the desk yesterday, the clock running
INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status, applicant,
    applicant_name, documents, digitized, received_at, listed_at, start_date, due_date, due_at, appointment_date, lookup_key)
SELECT 'BENCH.' || lpad((1 + g % 20)::text, 2, '0') || '-190103-' || lpad((1 + g / 20)::text, 4, '0'), 'BENCH', '2.000884',
       (SELECT current_version FROM procedures WHERE code = '2.000884'),
       'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'counter', 2,
       '{"fullName":"Bench Counter","idNumber":"001190000002"}', 'Bench Counter', '[{"code":"CCCD","name":"CCCD","digitized":false},{"code":"GT","name":"GT","digitized":true}]',
       true, now() - interval '1 day', now() - interval '1 day', motcua_local_date(now()) - 1, motcua_local_date(now()) + 2,
       (motcua_local_date(now()) + 2)::timestamptz + interval '10 hours', motcua_local_date(now()) + 2, upper(substr(md5('q' || g), 1, 12))
FROM generate_series(0, 20 * :pool_per_unit - 1) g;

--    resolve: BENCH.uu-190104-nnnn, in progress, assigned to bench.sUUa with an open step whose id is
--    step_base + g (pg-resolve.sql computes it; the sequence is moved past them)
SELECT nextval(pg_get_serial_sequence('dossier_steps', 'id')) AS step_base \gset
INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status, applicant,
    applicant_name, documents, digitized, received_at, listed_at, start_date, due_date, due_at, appointment_date, lookup_key,
    assignee_id, current_step, current_step_id)
SELECT 'BENCH.' || lpad((1 + g % 20)::text, 2, '0') || '-190104-' || lpad((1 + g / 20)::text, 4, '0'), 'BENCH', '2.000884',
       (SELECT current_version FROM procedures WHERE code = '2.000884'),
       'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'counter', 4,
       '{"fullName":"Bench Counter","idNumber":"001190000002"}', 'Bench Counter', '[{"code":"CCCD","name":"CCCD","digitized":false},{"code":"GT","name":"GT","digitized":true}]',
       true, now() - interval '1 day', now() - interval '1 day', motcua_local_date(now()) - 1, motcua_local_date(now()) + 2,
       (motcua_local_date(now()) + 2)::timestamptz + interval '10 hours', motcua_local_date(now()) + 2, upper(substr(md5('r' || g), 1, 12)),
       u.id, 'tham-dinh', :step_base + g
FROM generate_series(0, 20 * :pool_per_unit - 1) g
JOIN users u ON u.username = 'bench.s' || lpad((1 + g % 20)::text, 2, '0') || 'a';
INSERT INTO dossier_steps (id, dossier_id, step_code, step_name, handling_unit, assignee_id, opened_at, deadline)
SELECT d.current_step_id, d.id, 'tham-dinh', 'Thẩm định, đề xuất', d.handling_unit, d.assignee_id, d.received_at, d.received_at + interval '2 days'
FROM dossiers d WHERE d.current_step_id BETWEEN :step_base AND :step_base + 20 * :pool_per_unit - 1 AND d.code LIKE 'BENCH.__-190104-%';
SELECT setval(pg_get_serial_sequence('dossier_steps', 'id'), :step_base + 20 * :pool_per_unit);

ANALYZE dossiers;
ANALYZE dossier_steps;
