-- Amas application tables: the task index (listing, recovery, idempotency, retention) and the audit log.

-- One row per task, kept small: the orchestrator grain's state is the source of truth for a task's progress;
-- this table answers the questions a grain cannot: "my tasks, newest first", "what ran on the silo that died",
-- "was this Idempotency-Key already used", "what has expired".
CREATE TABLE task_index
(
    task_id         uuid        PRIMARY KEY,
    submitter       text        NOT NULL,
    kind            text        NOT NULL,
    lifecycle       text        NOT NULL
        CHECK (lifecycle IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    priority        text        NOT NULL DEFAULT 'normal',
    idempotency_key text        NULL,
    silo            text        NULL,
    current_layer   smallint    NULL,
    error           text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz NULL,
    deadline_at     timestamptz NULL
);

-- Listing: a caller's tasks newest first, optionally filtered by status or kind; task_id breaks ties so keyset
-- paging is stable.
CREATE INDEX ix_task_index_submitter_created ON task_index (submitter, created_at DESC, task_id DESC);
CREATE INDEX ix_task_index_submitter_lifecycle_created ON task_index (submitter, lifecycle, created_at DESC, task_id DESC);
CREATE INDEX ix_task_index_submitter_kind_created ON task_index (submitter, kind, created_at DESC, task_id DESC);
-- Admins list everyone's tasks.
CREATE INDEX ix_task_index_created ON task_index (created_at DESC, task_id DESC);
CREATE INDEX ix_task_index_lifecycle_created ON task_index (lifecycle, created_at DESC, task_id DESC);
-- Recovery: the unfinished tasks that ran on a silo that has died.
CREATE INDEX ix_task_index_unfinished_by_silo ON task_index (silo) WHERE lifecycle IN ('pending', 'running');
-- A retried submission with the same Idempotency-Key finds the task it created.
CREATE UNIQUE INDEX ux_task_index_idempotency ON task_index (submitter, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- Retention sweeps finished tasks by age.
CREATE INDEX ix_task_index_completed ON task_index (completed_at) WHERE completed_at IS NOT NULL;

-- Every submission, cancellation and denied request. Append-only.
CREATE TABLE audit_logs
(
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    caller   text        NOT NULL,
    action   text        NOT NULL,
    resource text        NULL,
    result   text        NOT NULL,
    ip       inet        NULL,
    trace_id text        NULL,
    detail   jsonb       NULL
);

CREATE INDEX ix_audit_logs_at ON audit_logs (at DESC);
CREATE INDEX ix_audit_logs_caller_at ON audit_logs (caller, at DESC);
