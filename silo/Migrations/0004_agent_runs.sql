-- The run journal: one row per agent run as it ended, written before the agent's report is stored. An agent of a
-- task has one report but may have run more than once (its silo died, the work was handed over); this table keeps
-- every run, for operators, for the LearningSystem and for the failover tests' "no agent completed twice".

CREATE TABLE agent_runs
(
    id         bigserial   PRIMARY KEY,
    task_id    uuid        NOT NULL,
    agent      text        NOT NULL,
    start_no   integer     NOT NULL,
    silo       text        NOT NULL,
    status     text        NOT NULL
        CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'timed_out', 'cancelled', 'skipped')),
    findings   integer     NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL
);

CREATE INDEX ix_agent_runs_task ON agent_runs (task_id, ended_at);
-- Per-agent history (LearningSystem): the latest runs of one agent.
CREATE INDEX ix_agent_runs_agent_ended ON agent_runs (agent, ended_at DESC);
