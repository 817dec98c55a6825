-- Dossiers, their history and control slip, fees, supplement requests, ratings, idempotent intake
-- and the outbox the portal feed reads.

-- Per receiving agency and day: the last sequence number used in dossier codes. Incremented in the
-- intake transaction, so codes are never duplicated and never reused.
CREATE TABLE dossier_counters (
    agency    text NOT NULL,
    day       date NOT NULL,
    last_seq  int  NOT NULL,
    PRIMARY KEY (agency, day)
);

CREATE TABLE dossiers (
    id                     bigserial PRIMARY KEY,
    code                   text NOT NULL UNIQUE,
    province               text NOT NULL REFERENCES units (code),
    procedure_code         text NOT NULL,
    procedure_version      int  NOT NULL,
    receiving_unit         text NOT NULL REFERENCES units (code),
    handling_unit          text NOT NULL REFERENCES units (code),
    channel                text NOT NULL CHECK (channel IN ('counter', 'online', 'post')),
    status                 smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
    applicant              jsonb NOT NULL,
    applicant_name         text NOT NULL,
    -- Code and accent-folded applicant name, for `q` (trigram index).
    search_text            text GENERATED ALWAYS AS (code || ' ' || motcua_fold(applicant_name)) STORED,
    documents              jsonb NOT NULL DEFAULT '[]',
    digitized              boolean NOT NULL DEFAULT false,
    note                   text,
    submitted_at           timestamptz,
    received_at            timestamptz,
    -- received_at, or submitted_at until received: the list order.
    listed_at              timestamptz NOT NULL,
    start_date             date,
    due_date               date,
    due_at                 timestamptz,
    appointment_date       date,
    accept_by              timestamptz,
    accept_breached        boolean NOT NULL DEFAULT false,
    assignee_id            bigint REFERENCES users (id),
    current_step           text,
    current_step_id        bigint,
    supplement_requests    smallint NOT NULL DEFAULT 0,
    supplement_pending_at  timestamptz,
    -- An online dossier asked to complete at intake is closed if still incomplete at this instant.
    incomplete_expires_at  timestamptz,
    paused_days            int NOT NULL DEFAULT 0,
    apologized             boolean NOT NULL DEFAULT false,
    due_soon_flagged       boolean NOT NULL DEFAULT false,
    finished_at            timestamptz,
    fee_requested          bigint NOT NULL DEFAULT 0,
    fee_paid               bigint NOT NULL DEFAULT 0,
    paid_online            boolean NOT NULL DEFAULT false,
    lookup_key             text NOT NULL,
    version                int NOT NULL DEFAULT 1,
    created_by             bigint REFERENCES users (id),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedure_versions (code, version)
);
-- One index per list filter, each ending in the list order so a page is an index range scan.
CREATE INDEX dossiers_listing ON dossiers (province, listed_at DESC, code DESC);
CREATE INDEX dossiers_receiving ON dossiers (receiving_unit, listed_at DESC, code DESC);
CREATE INDEX dossiers_handling ON dossiers (handling_unit, listed_at DESC, code DESC);
CREATE INDEX dossiers_status ON dossiers (status, listed_at DESC, code DESC);
CREATE INDEX dossiers_procedure ON dossiers (procedure_code, listed_at DESC, code DESC);
CREATE INDEX dossiers_assignee ON dossiers (assignee_id, listed_at DESC, code DESC) WHERE assignee_id IS NOT NULL;
-- Open dossiers by due date: overdue, dueBefore, the sweeper and the evaluation.
CREATE INDEX dossiers_open_due ON dossiers (due_date, listed_at DESC) WHERE status IN (2, 4, 5, 6);
CREATE INDEX dossiers_accept_by ON dossiers (accept_by) WHERE status = 1;
CREATE INDEX dossiers_incomplete ON dossiers (incomplete_expires_at) WHERE status = 1 AND incomplete_expires_at IS NOT NULL;
-- Unit and status together, for the desk's work queues.
CREATE INDEX dossiers_receiving_status ON dossiers (receiving_unit, status, listed_at DESC, code DESC);
CREATE INDEX dossiers_handling_status ON dossiers (handling_unit, status, listed_at DESC, code DESC);
CREATE INDEX dossiers_search ON dossiers USING gin (search_text gin_trgm_ops);

-- Every event of a dossier's life: who, when, from which status to which, why.
CREATE TABLE dossier_events (
    id             bigserial PRIMARY KEY,
    dossier_id     bigint NOT NULL REFERENCES dossiers (id),
    at             timestamptz NOT NULL,
    type           text NOT NULL,
    from_status    smallint,
    to_status      smallint,
    actor_id       bigint REFERENCES users (id),
    step           text,
    step_deadline  timestamptz,
    timeliness     text,
    reason         text,
    data           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);

-- The control slip (Form 06): each handover opens a step with its deadline; closing it records
-- whether it finished early, on time or late.
CREATE TABLE dossier_steps (
    id             bigserial PRIMARY KEY,
    dossier_id     bigint NOT NULL REFERENCES dossiers (id),
    step_code      text NOT NULL,
    step_name      text NOT NULL,
    handling_unit  text NOT NULL REFERENCES units (code),
    assignee_id    bigint NOT NULL REFERENCES users (id),
    assigned_by    bigint REFERENCES users (id),
    opened_at      timestamptz NOT NULL,
    deadline       timestamptz NOT NULL,
    closed_at      timestamptz,
    closed_by      bigint REFERENCES users (id),
    timeliness     text CHECK (timeliness IN ('early', 'on_time', 'late'))
);
CREATE INDEX dossier_steps_dossier ON dossier_steps (dossier_id, id);
CREATE INDEX dossier_steps_unit_deadline ON dossier_steps (handling_unit, deadline);
CREATE INDEX dossier_steps_open ON dossier_steps (handling_unit, deadline) WHERE closed_at IS NULL;

-- Form 02: at most one per dossier and handling unit (the database enforces it too).
CREATE TABLE supplement_requests (
    id             bigserial PRIMARY KEY,
    dossier_id     bigint NOT NULL REFERENCES dossiers (id),
    handling_unit  text NOT NULL,
    phase          text NOT NULL CHECK (phase IN ('intake', 'processing')),
    requested_at   timestamptz NOT NULL,
    requested_by   bigint REFERENCES users (id),
    reason         text NOT NULL,
    items          jsonb NOT NULL,
    supplied_at    timestamptz,
    UNIQUE (dossier_id, handling_unit)
);

CREATE TABLE dossier_payments (
    id           bigserial PRIMARY KEY,
    dossier_id   bigint NOT NULL REFERENCES dossiers (id),
    kind         text NOT NULL CHECK (kind IN ('request', 'payment')),
    amount       bigint NOT NULL CHECK (amount > 0),
    channel      text CHECK (channel IN ('portal', 'gateway', 'cash')),
    description  text,
    at           timestamptz NOT NULL,
    recorded_by  bigint REFERENCES users (id)
);
CREATE INDEX dossier_payments_dossier ON dossier_payments (dossier_id, id);

-- Citizens' ratings: one per dossier, never changed.
CREATE TABLE dossier_ratings (
    dossier_id    bigint PRIMARY KEY REFERENCES dossiers (id),
    scores        smallint[] NOT NULL CHECK (cardinality(scores) = 9),
    total         smallint NOT NULL CHECK (total BETWEEN 0 AND 18),
    band          text NOT NULL,
    satisfaction  text NOT NULL CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'dissatisfied')),
    comment       text,
    source        text NOT NULL CHECK (source IN ('public', 'portal')),
    created_at    timestamptz NOT NULL
);
CREATE FUNCTION motcua_immutable_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are immutable', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER dossier_ratings_immutable BEFORE UPDATE OR DELETE ON dossier_ratings
    FOR EACH ROW EXECUTE FUNCTION motcua_immutable_row();

-- Idempotent intake: the key, a hash of the body, and the original response, stored in the same
-- transaction as the dossier so a retry after a crash still finds it.
CREATE TABLE idempotency_keys (
    user_id        bigint NOT NULL REFERENCES users (id),
    key            text NOT NULL,
    request_hash   text NOT NULL,
    dossier_id     bigint NOT NULL REFERENCES dossiers (id),
    response       text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Every state change, for the future portal feed (Circular 04/2025 sync); written in the same
-- transaction as the change.
CREATE TABLE outbox (
    id            bigserial PRIMARY KEY,
    dossier_id    bigint NOT NULL REFERENCES dossiers (id),
    event_id      bigint NOT NULL REFERENCES dossier_events (id),
    topic         text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    delivered_at  timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
