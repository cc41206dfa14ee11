-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.x) on PostgreSQL 15+.
--
-- Orleans ships no SQL and creates nothing: at start-up the provider runs
--   SELECT QueryKey, QueryText FROM OrleansQuery WHERE QueryKey IN (...)
-- (unquoted, so PostgreSQL folds it to orleansquery/querykey/querytext) and runs those texts with named
-- parameters: GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
-- ServiceId, GrainStateVersion (the ETag, NULL before the first write) and PayloadBinary (writes only).
--
-- Optimistic concurrency is decided by what the queries return. Write reads "NewGrainStateVersion"; clear
-- and delete read the first column. Orleans raises InconsistentStateException when the value returned equals
-- the ETag it sent, or is NULL on a write. So every statement below returns the new version on success and
-- the version it was given (or NULL) on a conflict, never an empty result for a conflict.

CREATE TABLE orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE orleans_storage
(
    service_id                text        NOT NULL,
    grain_type_hash           integer     NOT NULL,
    grain_type_string         text        NOT NULL,
    grain_id_hash             integer     NOT NULL,
    grain_id_n0               bigint      NOT NULL,
    grain_id_n1               bigint      NOT NULL,
    grain_id_extension_string text        NULL,
    payload_binary            bytea       NULL,
    version                   integer     NOT NULL,
    modified_on               timestamptz NOT NULL DEFAULT now()
);

-- One row per grain state. The hashes lead so look-ups stay narrow; NULLS NOT DISTINCT (PostgreSQL 15) makes a
-- grain without a key extension unique too, which lets the first write rely on ON CONFLICT when two
-- activations of one grain race (split brain).
CREATE UNIQUE INDEX ux_orleans_storage_grain
    ON orleans_storage (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type_string,
                        grain_id_extension_string) NULLS NOT DISTINCT;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $query$
SELECT payload_binary AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash::integer
  AND grain_type_hash = @GrainTypeHash::integer
  AND service_id = @ServiceId::text
  AND grain_id_n0 = @GrainIdN0::bigint
  AND grain_id_n1 = @GrainIdN1::bigint
  AND grain_type_string = @GrainTypeString::text
  AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString::text
$query$),

-- The first write (no ETag) inserts version 1 unless a row exists; later writes update only the version the
-- grain read. Exactly one of the two CTEs can change a row.
('WriteToStorageKey', $query$
WITH inserted AS (
    INSERT INTO orleans_storage (service_id, grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0,
                                 grain_id_n1, grain_id_extension_string, payload_binary, version)
    SELECT @ServiceId::text, @GrainTypeHash::integer, @GrainTypeString::text, @GrainIdHash::integer,
           @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainIdExtensionString::text, @PayloadBinary::bytea, 1
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_storage
    SET payload_binary = @PayloadBinary::bytea, version = version + 1, modified_on = now()
    WHERE @GrainStateVersion::integer IS NOT NULL
      AND grain_id_hash = @GrainIdHash::integer
      AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::text
      AND grain_id_n0 = @GrainIdN0::bigint
      AND grain_id_n1 = @GrainIdN1::bigint
      AND grain_type_string = @GrainTypeString::text
      AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString::text
      AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT COALESCE((SELECT version FROM inserted), (SELECT version FROM updated), @GrainStateVersion::integer)
       AS "NewGrainStateVersion"
$query$),

-- Clear keeps the row (and its version) so a stale activation cannot resurrect old state with an old ETag.
('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE orleans_storage
    SET payload_binary = NULL, version = version + 1, modified_on = now()
    WHERE grain_id_hash = @GrainIdHash::integer
      AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::text
      AND grain_id_n0 = @GrainIdN0::bigint
      AND grain_id_n1 = @GrainIdN1::bigint
      AND grain_type_string = @GrainTypeString::text
      AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString::text
      AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM cleared
UNION ALL
SELECT @GrainStateVersion::integer
WHERE @GrainStateVersion::integer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cleared)
$query$),

-- Used instead of ClearStorageKey when a provider sets DeleteStateOnClear = true.
('DeleteStorageKey', $query$
WITH deleted AS (
    DELETE FROM orleans_storage
    WHERE grain_id_hash = @GrainIdHash::integer
      AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::text
      AND grain_id_n0 = @GrainIdN0::bigint
      AND grain_id_n1 = @GrainIdN1::bigint
      AND grain_type_string = @GrainTypeString::text
      AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString::text
      AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT version + 1 AS "NewGrainStateVersion" FROM deleted
UNION ALL
SELECT @GrainStateVersion::integer
WHERE @GrainStateVersion::integer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deleted)
$query$);
