-- Benchmark data: a province BENCH with 20 communes, officers, and 1,000,000 dossiers spread over the
-- last 12 months, the 17 demo procedures and every status, with their control-slip steps. Run after
-- the server has migrated and seeded the demo data (procedures and the demo password hash).
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO units (code, name, kind, province) VALUES ('BENCH', 'Tỉnh Benchmark', 'province', 'BENCH');
INSERT INTO units (code, name, kind, province)
SELECT 'BENCH.' || lpad(n::text, 2, '0'), 'Xã Benchmark ' || n, 'commune', 'BENCH' FROM generate_series(1, 20) n;
INSERT INTO users (username, full_name, unit_code, roles, password_hash)
SELECT v.username, v.full_name, v.unit, v.roles, (SELECT password_hash FROM users WHERE username = 'admin')
FROM (
    SELECT 'bench.admin' AS username, 'Bench Admin' AS full_name, 'BENCH' AS unit, ARRAY['admin'] AS roles
    UNION ALL SELECT 'bench.auditor', 'Bench Auditor', 'BENCH', ARRAY['auditor']
    UNION ALL SELECT 'bench.r' || lpad(n::text, 2, '0'), 'Tiếp nhận ' || n, 'BENCH.' || lpad(n::text, 2, '0'), ARRAY['reception'] FROM generate_series(1, 20) n
    UNION ALL SELECT 'bench.l' || lpad(n::text, 2, '0'), 'Lãnh đạo ' || n, 'BENCH.' || lpad(n::text, 2, '0'), ARRAY['leader'] FROM generate_series(1, 20) n
    UNION ALL SELECT 'bench.s' || lpad(n::text, 2, '0') || s, 'Chuyên viên ' || n || s, 'BENCH.' || lpad(n::text, 2, '0'), ARRAY['specialist']
              FROM generate_series(1, 20) n, unnest(ARRAY['a', 'b', 'c']) s
) v;
COMMIT;

-- Bulk load: foreign keys and triggers do not fire row by row (every generated row references the
-- units, users and procedures above; the search text is written below), and the secondary indexes of
-- dossiers, their search text and steps are dropped here and built once at the end (both halve the
-- load time).
SET session_replication_role = replica;
CREATE TEMP TABLE bench_indexes AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'public' AND i.tablename IN ('dossiers', 'dossier_steps', 'dossier_search')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT indexname FROM bench_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP;
END $$;

-- The dossiers, with realistic shares of statuses and on-time/late finishes.
CREATE TEMP TABLE gen AS
SELECT g,
       'BENCH.' || lpad((1 + g % 20)::text, 2, '0') AS unit,
       CASE WHEN g % 20 = 7 THEN 'BENCH.' || lpad((1 + (g + 3) % 20)::text, 2, '0') ELSE 'BENCH.' || lpad((1 + g % 20)::text, 2, '0') END AS handling,
       (ARRAY(SELECT code FROM procedures ORDER BY code))[1 + (g * 7) % 17] AS procedure_code,
       now() - (random() * interval '365 days') - interval '2 days' AS received_at,
       random() AS r, random() AS r2
FROM generate_series(1, 1000000) g;

CREATE TEMP TABLE gen2 AS
SELECT gen.*, pv.version, pv.processing_value, pv.processing_unit, pv.fee_amount,
       CASE WHEN r < 0.70 THEN 10 WHEN r < 0.78 THEN 9 WHEN r < 0.86 THEN 4 WHEN r < 0.89 THEN 2 WHEN r < 0.91 THEN 5
            WHEN r < 0.92 THEN 6 WHEN r < 0.94 THEN 1 WHEN r < 0.96 THEN 3 WHEN r < 0.98 THEN 7 ELSE 8 END AS status,
       motcua_local_date(received_at) AS received_day,
       row_number() OVER (PARTITION BY unit, motcua_local_date(received_at) ORDER BY g) AS seq
FROM gen JOIN procedures p ON p.code = gen.procedure_code
JOIN procedure_versions pv ON pv.code = p.code AND pv.version = p.current_version;

INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status, applicant,
    applicant_name, documents, digitized, submitted_at, received_at, listed_at, start_date, due_date, due_at, appointment_date,
    accept_by, finished_at, elapsed, elapsed_ratio, fee_requested, fee_paid, paid_online, supplement_requests, lookup_key,
    created_at, updated_at)
SELECT unit || '-' || to_char(received_day, 'YYMMDD') || '-' || lpad(seq::text, 4, '0'), 'BENCH', procedure_code, version, unit, handling,
       CASE WHEN g % 3 = 0 THEN 'online' WHEN g % 11 = 0 THEN 'post' ELSE 'counter' END,
       status,
       jsonb_build_object('fullName', name, 'idNumber', lpad((g::bigint * 7919 % 999999999)::text, 12, '0')),
       name, '[{"code":"TK","name":"Tờ khai","digitized":true}]'::jsonb, g % 5 <> 0,
       CASE WHEN g % 3 = 0 THEN received_at - interval '3 hours' END,
       CASE WHEN status IN (1, 3) THEN NULL ELSE received_at END,
       received_at,
       CASE WHEN status IN (1, 3) THEN NULL ELSE received_day END,
       CASE WHEN status IN (1, 3) THEN NULL ELSE received_day + (processing_value * 7 / 5 + 1) END,
       CASE WHEN status IN (1, 3) THEN NULL ELSE (received_day + (processing_value * 7 / 5 + 1))::timestamptz + interval '10 hours' END,
       CASE WHEN status IN (1, 3) THEN NULL ELSE received_day + (processing_value * 7 / 5 + 1) END,
       CASE WHEN status = 1 THEN received_at + interval '1 day' END,
       CASE WHEN status IN (3, 7, 8, 9, 10) THEN received_at + (r2 * (processing_value + 1) * 1.3) * interval '1 day' END,
       CASE WHEN status IN (7, 8, 9, 10) THEN round((r2 * (processing_value + 1) * 1.3)::numeric, 1) END,
       CASE WHEN status IN (7, 8, 9, 10) THEN round((r2 * (processing_value + 1) * 1.3 / greatest(processing_value, 1))::numeric, 3) END,
       fee_amount, CASE WHEN status IN (9, 10) THEN fee_amount ELSE 0 END, g % 3 = 0 AND fee_amount > 0 AND status IN (9, 10),
       CASE WHEN g % 25 = 0 THEN 1 ELSE 0 END,
       upper(substr(md5(g::text), 1, 12)), received_at, received_at
FROM (SELECT gen2.*, (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'])[1 + g % 10] || ' ' ||
             (ARRAY['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu', 'Thanh'])[1 + (g / 10) % 8] || ' ' ||
             (ARRAY['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Yến'])[1 + (g / 80) % 16] AS name
      FROM gen2) named;

-- Counters continue after the generated sequences, as intake would have left them.
INSERT INTO dossier_counters (agency, day, last_seq)
SELECT receiving_unit, motcua_local_date(listed_at), count(*) FROM dossiers WHERE province = 'BENCH' GROUP BY 1, 2;

-- Control-slip steps: one open step for dossiers in handling, two closed ones for finished dossiers.
INSERT INTO dossier_steps (dossier_id, step_code, step_name, handling_unit, assignee_id, opened_at, deadline, closed_at, timeliness)
SELECT d.id, 'tham-dinh', 'Thẩm định, đề xuất', d.handling_unit, u.id, d.received_at, d.received_at + interval '2 days',
       CASE WHEN d.status IN (7, 8, 9, 10) THEN d.received_at + (d.elapsed * 0.6) * interval '1 day' END,
       CASE WHEN d.status IN (7, 8, 9, 10) THEN CASE WHEN d.elapsed * 0.6 <= 2 THEN 'on_time' ELSE 'late' END END
FROM dossiers d JOIN users u ON u.username = 'bench.s' || substr(d.handling_unit, 7, 2) || (ARRAY['a', 'b', 'c'])[1 + d.id % 3]
WHERE d.province = 'BENCH' AND d.status IN (4, 5, 6, 7, 8, 9, 10);
INSERT INTO dossier_steps (dossier_id, step_code, step_name, handling_unit, assignee_id, opened_at, deadline, closed_at, timeliness)
SELECT d.id, 'phe-duyet', 'Phê duyệt', d.handling_unit, u.id, d.finished_at - interval '2 hours', d.finished_at + interval '2 hours',
       d.finished_at, 'on_time'
FROM dossiers d JOIN users u ON u.username = 'bench.l' || substr(d.handling_unit, 7, 2)
WHERE d.province = 'BENCH' AND d.status IN (9, 10);
UPDATE dossiers d SET current_step_id = s.id, current_step = s.step_code, assignee_id = s.assignee_id
FROM dossier_steps s WHERE s.dossier_id = d.id AND s.closed_at IS NULL AND d.province = 'BENCH';

-- (the trigger that writes the search text does not fire in replica mode)
INSERT INTO dossier_search (dossier_id, search_text)
SELECT id, motcua_dossier_search_text(code, applicant_name) FROM dossiers WHERE province = 'BENCH';

DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT indexdef FROM bench_indexes LOOP EXECUTE r.indexdef; END LOOP;
END $$;
RESET session_replication_role;
ANALYZE;
