-- The national portal's integration: the portal's own dossier reference, a change feed in commit
-- order carrying the dossier as the portal synchronises it, signed webhooks with their deliveries,
-- and long-lived API keys for integration accounts.

-- Lists are ordered by filing time, which never changes (accepting an online dossier no longer moves
-- it to the top, where a client paging the list would miss it): online dossiers accepted so far go
-- back to their submission time.
UPDATE dossiers SET listed_at = submitted_at WHERE submitted_at IS NOT NULL AND listed_at <> submitted_at;

-- The portal's own id of a dossier it filed: unique per filing account, searchable.
ALTER TABLE dossiers ADD COLUMN external_reference text CHECK (length(external_reference) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX dossiers_external_reference ON dossiers (external_reference, created_by) WHERE external_reference IS NOT NULL;
-- Reconciliation: what changed in a province since an instant.
CREATE INDEX dossiers_updated ON dossiers (province, updated_at);

-- An instant as the API writes it: RFC 3339 in UTC, whole seconds, `Z`.
CREATE FUNCTION motcua_rfc3339(instant timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT to_char(instant AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;

-- The national name of a status code (DossierStatus.nationalName of MotCuaDomain; a test compares them).
CREATE FUNCTION motcua_status_name(code smallint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT (ARRAY['Chờ tiếp nhận', 'Đã tiếp nhận', 'Từ chối tiếp nhận', 'Đang xử lý', 'Yêu cầu bổ sung',
                        'Chờ thực hiện nghĩa vụ tài chính', 'Công dân rút hồ sơ', 'Dừng xử lý', 'Đã có kết quả',
                        'Đã trả kết quả'])[code] $$;

-- The API name of a status code (DossierStatus.rawValue).
CREATE FUNCTION motcua_status_key(code smallint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT (ARRAY['submitted', 'received', 'refused', 'in_progress', 'supplement_requested', 'awaiting_payment',
                        'withdrawn', 'stopped', 'resolved', 'returned'])[code] $$;

-- What the national portal synchronises of a dossier (schema `PortalDossier` of openapi.yaml), as it
-- stands in row `d` at `as_of`. Written into each event in the statement that changes the dossier,
-- so an event keeps the dossier as it was then. Absent facts are left out.
CREATE FUNCTION motcua_portal_dossier(d dossiers, as_of timestamptz) RETURNS jsonb
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'code', d.code,
        'version', d.version,
        'externalReference', d.external_reference,
        'statusCode', d.status,
        'status', motcua_status_key(d.status),
        'statusName', motcua_status_name(d.status),
        'procedure', jsonb_build_object('code', d.procedure_code, 'version', d.procedure_version),
        'receivingUnit', d.receiving_unit,
        'handlingUnit', d.handling_unit,
        'channel', d.channel,
        'submittedAt', motcua_rfc3339(d.submitted_at),
        'receivedAt', motcua_rfc3339(d.received_at),
        'startDate', d.start_date,
        'dueDate', d.due_date,
        'dueAt', motcua_rfc3339(d.due_at),
        'appointmentDate', d.appointment_date,
        'finishedAt', motcua_rfc3339(d.finished_at),
        -- As DossierRecord.timeliness: a dossier waiting for a supplement is judged as of the wait's start.
        'timeliness', motcua_timeliness(d.due_date, d.finished_at,
            CASE WHEN d.finished_at IS NULL AND d.status = 5 THEN least(coalesce(d.supplement_pending_at, as_of), as_of) ELSE as_of END,
            d.supplement_requests),
        'applicant', jsonb_build_object('idNumber', d.applicant->>'idNumber', 'fullName', d.applicant_name),
        'fees', jsonb_build_object('requested', d.fee_requested, 'paid', d.fee_paid, 'paidOnline', d.paid_online),
        'supplementRequested', d.supplement_requests > 0,
        'supplementRequests', d.supplement_requests,
        'apologized', d.apologized,
        'rating', (SELECT jsonb_build_object('total', r.total, 'band', r.band, 'satisfaction', r.satisfaction,
                                             'source', r.source, 'ratedAt', motcua_rfc3339(r.created_at))
                   FROM dossier_ratings r WHERE r.dossier_id = d.id),
        'updatedAt', motcua_rfc3339(d.updated_at)))
    $$;

-- The outbox becomes the feed. `position` is assigned by one sequencer at a time, in the order rows
-- become visible (committed), so a reader paging by position never skips a row whose transaction
-- committed after a later one's: until committed a row has no position. `delivered_at` marks an event
-- the portal acknowledged (a webhook answered 2xx, or the portal account read past it).
ALTER TABLE outbox ADD COLUMN province text;
ALTER TABLE outbox ADD COLUMN occurred_at timestamptz;
ALTER TABLE outbox ADD COLUMN position bigint;
-- Events written before this version carry the dossier as it stands at the upgrade.
UPDATE outbox o SET province = d.province, occurred_at = e.at, payload = motcua_portal_dossier(d, e.at)
FROM dossiers d, dossier_events e WHERE d.id = o.dossier_id AND e.id = o.event_id;
UPDATE outbox o SET position = n.position
FROM (SELECT id, row_number() OVER (ORDER BY id) AS position FROM outbox) n WHERE o.id = n.id;
ALTER TABLE outbox ALTER COLUMN province SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN occurred_at SET NOT NULL;
DROP INDEX outbox_pending;
CREATE UNIQUE INDEX outbox_position ON outbox (position);
CREATE INDEX outbox_feed ON outbox (province, position) WHERE position IS NOT NULL;
CREATE INDEX outbox_unsequenced ON outbox (id) WHERE position IS NULL;
CREATE INDEX outbox_unacknowledged ON outbox (province, position) WHERE delivered_at IS NULL;

-- Webhooks of a province: every event of the chosen types is POSTed, signed with the secret.
-- `fanned_out` is the feed position up to which events have been turned into deliveries.
CREATE TABLE webhooks (
    id           bigserial PRIMARY KEY,
    province     text NOT NULL REFERENCES units (code),
    url          text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    event_types  text[] NOT NULL DEFAULT '{}',
    secret       text NOT NULL CHECK (length(secret) BETWEEN 32 AND 200),
    description  text CHECK (length(description) <= 500),
    fanned_out   bigint NOT NULL,
    created_by   bigint REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_province ON webhooks (province, id);

-- One event for one webhook: pending until the receiver answers 2xx (delivered) or the attempts run
-- out (dead). Per webhook, only the oldest pending delivery of a dossier is due; the later ones wait
-- with `next_attempt_at = 'infinity'` until it is delivered or dead, so a dossier's events arrive in
-- order and a claim is a plain index range scan however long the backlog. A claimed delivery's next
-- attempt is pushed past its lease, so a crashed instance's claims are retried by another.
CREATE TABLE webhook_deliveries (
    id               bigserial PRIMARY KEY,
    webhook_id       bigint NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    outbox_id        bigint NOT NULL REFERENCES outbox (id),
    dossier_id       bigint NOT NULL,
    position         bigint NOT NULL,
    state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_attempt_at  timestamptz,
    last_status      int,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (webhook_id, position)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE state = 'pending';
-- A dossier's pending deliveries in order: which one is next when the oldest is done.
CREATE INDEX webhook_deliveries_dossier ON webhook_deliveries (webhook_id, dossier_id, position) WHERE state = 'pending';

-- Long-lived keys of integration accounts; only a SHA-256 of each is stored.
CREATE TABLE api_keys (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_hash      bytea NOT NULL UNIQUE,
    prefix        text NOT NULL,
    created_by    bigint REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_keys_user ON api_keys (user_id, id);
