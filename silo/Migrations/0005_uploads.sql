-- Files uploaded with forensics tasks. They live in the database, not on one silo's disk, so whichever silo runs the
-- task's agent can read them; the orchestrator deletes a task's upload when the task is purged (retention).
-- Written so that running this script a second time changes nothing.

-- One row per upload. size_bytes and sha256 are set, with completed_at, when the last chunk is in; only complete
-- uploads are ever read.
CREATE TABLE IF NOT EXISTS task_uploads
(
    upload_id    uuid        PRIMARY KEY,
    file_name    text        NOT NULL,
    size_bytes   bigint      NULL CHECK (size_bytes >= 0),
    sha256       text        NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    begun_at     timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz NULL
);

-- The content in numbered chunks (one per gateway-to-silo call), so neither writing nor reading holds a whole file.
CREATE TABLE IF NOT EXISTS task_upload_chunks
(
    upload_id uuid    NOT NULL REFERENCES task_uploads (upload_id) ON DELETE CASCADE,
    sequence  integer NOT NULL CHECK (sequence >= 0),
    data      bytea   NOT NULL,
    PRIMARY KEY (upload_id, sequence)
);

-- Uploads are usually compressed or binary already: store chunks out of line without trying to compress them again.
ALTER TABLE task_upload_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Retention finds uploads whose task never came to be by age.
CREATE INDEX IF NOT EXISTS ix_task_uploads_begun ON task_uploads (begun_at);
