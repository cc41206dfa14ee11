-- Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet 10.x) on PostgreSQL.
--
-- The reminder table loads its queries from orleansquery (created by 0001) by key and binds: ServiceId,
-- GrainId (GrainId.ToString()), ReminderName, StartTime (UTC), Period (milliseconds), GrainHash, BeginHash,
-- EndHash (uniform hashes as signed integers) and Version (the ETag). It reads the columns GrainId,
-- ReminderName, StartTime, Period and Version, the new Version from an upsert, and a single boolean-like
-- column from a delete.

CREATE TABLE orleans_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its slice of the hash ring.
CREATE INDEX ix_orleans_reminders_grain_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text
$query$),

('ReadReminderRowKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text AND reminder_name = @ReminderName::text
$query$),

-- A ring range that does not wrap in signed order: (BeginHash, EndHash].
('ReadRangeRows1Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::text
  AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer
$query$),

-- A ring range that wraps around: above BeginHash or up to EndHash.
('ReadRangeRows2Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId::text
  AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer)
$query$),

('UpsertReminderRowKey', $query$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId::text, @GrainId::text, @ReminderName::text, @StartTime::timestamptz, @Period::bigint,
        @GrainHash::integer, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time,
    period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS "Version"
$query$),

-- Deletes only the version the caller holds; the single column says whether it did.
('DeleteReminderRowKey', $query$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text AND reminder_name = @ReminderName::text
      AND version = @Version::integer
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
$query$),

('DeleteReminderRowsKey', $query$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId::text
$query$);
