-- Units (communes and provinces), officers, bearer tokens, the procedure catalog and calendar corrections.

CREATE TABLE units (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9.]{1,35}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('commune', 'province')),
    -- A commune's province unit; a province points at itself.
    province    text NOT NULL REFERENCES units (code),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_province ON units (province, code);

CREATE TABLE users (
    id             bigserial PRIMARY KEY,
    username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    full_name      text NOT NULL,
    unit_code      text NOT NULL REFERENCES units (code),
    roles          text[] NOT NULL CHECK (cardinality(roles) > 0
                       AND roles <@ ARRAY['admin', 'reception', 'leader', 'specialist', 'portal', 'auditor']),
    password_hash  text NOT NULL,
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_unit ON users (unit_code, username);

-- Only a SHA-256 of each token is stored: a leaked table grants nothing.
CREATE TABLE auth_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX auth_tokens_expiry ON auth_tokens (expires_at);

-- Every published version of a procedure; dossiers reference the version they were accepted under.
CREATE TABLE procedure_versions (
    code              text NOT NULL CHECK (code ~ '^[0-9]\.[0-9]{6}$'),
    version           int  NOT NULL CHECK (version >= 1),
    name              text NOT NULL,
    field             text NOT NULL,
    processing_value  int  NOT NULL CHECK (processing_value >= 0),
    processing_unit   text NOT NULL CHECK (processing_unit IN ('working_days', 'calendar_days', 'working_hours')),
    cutoff_time       text NOT NULL DEFAULT '15:00' CHECK (cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    fee_amount        bigint NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
    fee_description   text NOT NULL DEFAULT '',
    documents         jsonb NOT NULL DEFAULT '[]',
    steps             jsonb NOT NULL DEFAULT '[]',
    online_level      text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
    legal_basis       text NOT NULL DEFAULT '',
    result            text NOT NULL DEFAULT '',
    published_at      timestamptz NOT NULL DEFAULT now(),
    published_by      bigint REFERENCES users (id),
    PRIMARY KEY (code, version)
);

-- One row per procedure pointing at its current version; search and listing read this small table.
CREATE TABLE procedures (
    code             text PRIMARY KEY,
    current_version  int  NOT NULL,
    name             text NOT NULL,
    field            text NOT NULL,
    search_text      text GENERATED ALWAYS AS (code || ' ' || motcua_fold(name)) STORED,
    FOREIGN KEY (code, current_version) REFERENCES procedure_versions (code, version)
);
CREATE INDEX procedures_search ON procedures USING gin (search_text gin_trgm_ops);
CREATE INDEX procedures_field ON procedures (field, code);

-- Admin corrections of the built-in working-day plan (official plans are published each autumn).
CREATE TABLE calendar_days (
    day         date PRIMARY KEY,
    type        text NOT NULL CHECK (type IN ('holiday', 'compensatory_off', 'swapped_off', 'makeup_workday')),
    name        text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  bigint REFERENCES users (id)
);
