-- National admins: the catalog and the national calendar are changed by them only; admins act
-- within their province. The first admin (the bootstrap admin of an existing installation) becomes one.
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
    AND roles <@ ARRAY['admin', 'national_admin', 'reception', 'leader', 'specialist', 'portal', 'auditor']);
UPDATE users SET roles = roles || 'national_admin'::text
WHERE id = (SELECT min(id) FROM users WHERE 'admin' = ANY (roles)) AND NOT 'national_admin' = ANY (roles);

-- Revoking every token of a user (deactivation, password reset, "log out everywhere").
CREATE INDEX auth_tokens_user ON auth_tokens (user_id) WHERE revoked_at IS NULL;

-- Every password login, successful or not. `province` is the account's, when the username exists,
-- so admins and auditors see the attempts on their province's accounts.
CREATE TABLE login_audit (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    username        text NOT NULL CHECK (char_length(username) <= 64),
    user_id         bigint REFERENCES users (id) ON DELETE SET NULL,
    province        text,
    outcome         text NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
    client_address  text CHECK (char_length(client_address) <= 64),
    user_agent      text CHECK (char_length(user_agent) <= 300)
);
CREATE INDEX login_audit_province ON login_audit (province, id DESC);
CREATE INDEX login_audit_at ON login_audit (at);
