using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Tasks;
using Npgsql;

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
}
