-- Gateway security: API keys, and indexes for reading the audit log (table audit_logs, migration 0003).
-- IF NOT EXISTS throughout: applying this script by hand a second time changes nothing.

-- Only the SHA-256 of each key is kept; the key itself is shown once, when it is created, and never stored.
CREATE TABLE IF NOT EXISTS api_keys
(
    id         text        PRIMARY KEY,
    key_hash   text        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    hint       text        NOT NULL,
    owner      text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL,
    revoked_at timestamptz NULL,
    revoked_by text        NULL
);

CREATE INDEX IF NOT EXISTS ix_api_keys_owner ON api_keys (owner);

-- Admins page the audit log newest first by id, optionally for one caller or one result.
CREATE INDEX IF NOT EXISTS ix_audit_logs_caller_id ON audit_logs (caller, id DESC);
CREATE INDEX IF NOT EXISTS ix_audit_logs_result_id ON audit_logs (result, id DESC);
