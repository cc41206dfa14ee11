using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Npgsql;

namespace Amas.Orleans.Silo.Persistence;

/// <summary>Uploads in PostgreSQL (<c>task_uploads</c> and <c>task_upload_chunks</c>, migration 0005), shared by every silo.</summary>
public sealed class PostgresUploadStore(NpgsqlDataSource database) : IUploadStore
{
    private const string Append = """
        INSERT INTO task_upload_chunks (upload_id, sequence, data)
        SELECT upload_id, @sequence, @data FROM task_uploads WHERE upload_id = @id AND completed_at IS NULL
        """;

    private const string Complete = """
        UPDATE task_uploads SET size_bytes = @size, sha256 = @sha256, completed_at = now()
        WHERE upload_id = @id AND completed_at IS NULL
        """;

    /// <summary>
    /// An incomplete row is a request that died mid-way: it goes (with its chunks) and the new upload takes its place.
    /// A complete row stays, and the insert does nothing. One batch, one round trip, one implicit transaction.
    /// </summary>
    public async Task<bool> BeginAsync(Guid id, string fileName, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        var delete = new NpgsqlBatchCommand("DELETE FROM task_uploads WHERE upload_id = $1 AND completed_at IS NULL");
        delete.Parameters.Add(new NpgsqlParameter { Value = id });
        var insert = new NpgsqlBatchCommand("INSERT INTO task_uploads (upload_id, file_name) VALUES ($1, $2) ON CONFLICT (upload_id) DO NOTHING");
        insert.Parameters.Add(new NpgsqlParameter { Value = id });
        insert.Parameters.Add(new NpgsqlParameter { Value = fileName });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return insert.RecordsAffected == 1;
    }

    public async Task AppendAsync(Guid id, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Append);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.AddWithValue("data", chunk);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Upload {id} was not begun, or is already complete.");
        }
    }

    public async Task CompleteAsync(Guid id, long size, string sha256, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Complete);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("size", size);
        command.Parameters.AddWithValue("sha256", sha256);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Upload {id} was not begun, or is already complete.");
        }
    }

    public async Task<UploadedFile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT file_name, size_bytes, sha256 FROM task_uploads WHERE upload_id = @id AND completed_at IS NOT NULL");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UploadedFile { Id = id, FileName = reader.GetString(0), Size = reader.GetInt64(1), Sha256 = reader.GetString(2) }
            : null;
    }

    public async Task CopyToAsync(Guid id, Stream destination, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            throw new FileNotFoundException($"There is no complete upload {id}.");
        }

        await using var command = database.CreateCommand(
            "SELECT data FROM task_upload_chunks WHERE upload_id = @id ORDER BY sequence");
        command.Parameters.AddWithValue("id", id);
        // Sequential access streams each chunk from the wire instead of buffering whole rows.
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await using var chunk = await reader.GetStreamAsync(0, cancellationToken);
            await chunk.CopyToAsync(destination, cancellationToken);
        }
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM task_uploads WHERE upload_id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<Guid>> BegunBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT upload_id FROM task_uploads WHERE begun_at < @before ORDER BY begun_at LIMIT @limit");
        command.Parameters.AddWithValue("before", before);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }
}
