using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace Amas.Orleans.Silo.Persistence;

/// <summary>The task index in PostgreSQL (<c>task_index</c>, migration 0003), shared by every silo.</summary>
public sealed class PostgresTaskIndex(NpgsqlDataSource database) : ITaskIndex
{
    private const string Upsert = """
        INSERT INTO task_index (task_id, submitter, kind, lifecycle, priority, idempotency_key, silo, current_layer,
                                error, created_at, updated_at, completed_at, deadline_at)
        VALUES (@task_id, @submitter, @kind, @lifecycle, @priority, @idempotency_key, @silo, @current_layer,
                @error, @created_at, @updated_at, @completed_at, @deadline_at)
        ON CONFLICT (task_id) DO UPDATE SET
            lifecycle = EXCLUDED.lifecycle, silo = EXCLUDED.silo, current_layer = EXCLUDED.current_layer,
            error = EXCLUDED.error, updated_at = EXCLUDED.updated_at, completed_at = EXCLUDED.completed_at
        """;

    private const string Unfinished = """
        SELECT task_id FROM task_index
        WHERE lifecycle IN ('pending', 'running') AND silo = ANY(@silos)
        """;

    private const string List = """
        SELECT task_id, submitter, kind, lifecycle, priority, idempotency_key, silo, current_layer, error,
               created_at, updated_at, completed_at, deadline_at
        FROM task_index
        WHERE (@submitter::text IS NULL OR submitter = @submitter)
          AND (@lifecycle::text IS NULL OR lifecycle = @lifecycle)
          AND (@kind::text IS NULL OR kind = @kind)
          AND (@after_created::timestamptz IS NULL OR (created_at, task_id) < (@after_created, @after_id))
        ORDER BY created_at DESC, task_id DESC
        LIMIT @limit
        """;

    public async Task RecordAsync(TaskIndexEntry entry, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Upsert);
        command.Parameters.AddWithValue("task_id", entry.TaskId);
        command.Parameters.AddWithValue("submitter", entry.Submitter);
        command.Parameters.AddWithValue("kind", TaskOptionCatalog.KindNames[entry.Kind]);
        command.Parameters.AddWithValue("lifecycle", entry.Lifecycle.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("priority", entry.Priority.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("idempotency_key", (object?)entry.IdempotencyKey ?? DBNull.Value);
        command.Parameters.AddWithValue("silo", (object?)entry.Silo ?? DBNull.Value);
        command.Parameters.AddWithValue("current_layer", entry.CurrentLayer is { } layer ? (short)layer : DBNull.Value);
        command.Parameters.AddWithValue("error", (object?)entry.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("created_at", entry.CreatedAt);
        command.Parameters.AddWithValue("updated_at", entry.UpdatedAt);
        command.Parameters.AddWithValue("completed_at", entry.CompletedAt is { } completed ? completed : DBNull.Value);
        command.Parameters.AddWithValue("deadline_at", entry.Deadline);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> UnfinishedOnAsync(IReadOnlyCollection<string> silos, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Unfinished);
        command.Parameters.AddWithValue("silos", silos.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    public async Task<IReadOnlyList<TaskIndexEntry>> ListAsync(TaskListQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(List);
        command.Parameters.Add(new NpgsqlParameter("submitter", NpgsqlDbType.Text) { Value = (object?)query.Submitter ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("lifecycle", NpgsqlDbType.Text) { Value = query.Lifecycle is { } l ? l.ToString().ToLowerInvariant() : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = query.Kind is { } k ? TaskOptionCatalog.KindNames[k] : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_created", NpgsqlDbType.TimestampTz) { Value = query.After is { } a ? a.CreatedAt : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = query.After is { } b ? b.TaskId : Guid.Empty });
        command.Parameters.AddWithValue("limit", query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<TaskIndexEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = TaskOptionCatalog.KindNames.Single(p => p.Value == reader.GetString(2)).Key;
            entries.Add(new TaskIndexEntry(
                reader.GetGuid(0),
                reader.GetString(1),
                kind,
                Enum.Parse<TaskLifecycle>(reader.GetString(3), ignoreCase: true),
                Enum.Parse<TaskPriority>(reader.GetString(4), ignoreCase: true),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt16(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? default : reader.GetFieldValue<DateTimeOffset>(12)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<Guid>> EndedBeforeAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT task_id FROM task_index WHERE completed_at < @before ORDER BY completed_at LIMIT @limit");
        command.Parameters.AddWithValue("before", endedBefore);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    public async Task DeleteAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM task_index WHERE task_id = @id");
        command.Parameters.AddWithValue("id", taskId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
