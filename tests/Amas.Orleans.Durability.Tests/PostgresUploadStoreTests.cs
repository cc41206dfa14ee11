using System.Security.Cryptography;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Amas.Orleans.Durability.Tests;

/// <summary>Uploads in PostgreSQL (migration 0004): chunked in, streamed out, visible only complete, gone on delete.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUploadStoreTests(PostgresFixture postgres)
{
    private async Task<(PostgresUploadStore Store, string Database)> NewStoreAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        return (new PostgresUploadStore(NpgsqlDataSource.Create(database)), database);
    }

    private static async Task StoreAsync(PostgresUploadStore store, Guid id, byte[] content, int chunk)
    {
        Assert.True(await store.BeginAsync(id, "sample.bin", CancellationToken.None));
        for (var i = 0; i * chunk < content.Length; i++)
        {
            await store.AppendAsync(id, i, content.AsMemory(i * chunk, Math.Min(chunk, content.Length - (i * chunk))), CancellationToken.None);
        }

        await store.CompleteAsync(id, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), CancellationToken.None);
    }

    [Fact]
    public async Task A_file_stored_in_chunks_reads_back_byte_for_byte_and_delete_removes_every_chunk()
    {
        var (store, database) = await NewStoreAsync();
        var content = RandomNumberGenerator.GetBytes(300_000);
        var id = Guid.NewGuid();

        await StoreAsync(store, id, content, chunk: 65_536);
        using var copy = new MemoryStream();
        await store.CopyToAsync(id, copy, CancellationToken.None);

        Assert.Equal(content, copy.ToArray());
        var stored = await store.FindAsync(id, CancellationToken.None);
        Assert.Equal(("sample.bin", 300_000L, Convert.ToHexStringLower(SHA256.HashData(content))), (stored!.FileName, stored.Size, stored.Sha256));
        Assert.Equal(5, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM task_upload_chunks WHERE upload_id = @id", ("id", id)));

        Assert.True(await store.DeleteAsync(id, CancellationToken.None));
        Assert.Null(await store.FindAsync(id, CancellationToken.None));
        Assert.Equal(0, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM task_upload_chunks"));
        Assert.False(await store.DeleteAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task An_incomplete_upload_cannot_be_found_or_read_and_is_replaced_when_begun_again()
    {
        var (store, database) = await NewStoreAsync();
        var id = Guid.NewGuid();
        await store.BeginAsync(id, "partial.bin", CancellationToken.None);
        await store.AppendAsync(id, 0, new byte[] { 1, 2, 3 }, CancellationToken.None);

        Assert.Null(await store.FindAsync(id, CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.CopyToAsync(id, Stream.Null, CancellationToken.None));

        Assert.True(await store.BeginAsync(id, "again.bin", CancellationToken.None));
        Assert.Equal(0, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM task_upload_chunks WHERE upload_id = @id", ("id", id)));
    }

    [Fact]
    public async Task A_complete_upload_is_never_overwritten_and_takes_no_more_chunks()
    {
        var (store, _) = await NewStoreAsync();
        var id = Guid.NewGuid();
        await StoreAsync(store, id, [7, 7, 7], chunk: 2);

        Assert.False(await store.BeginAsync(id, "other.bin", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(id, 2, new byte[] { 1 }, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteAsync(id, 1, new string('0', 64), CancellationToken.None));
        Assert.Equal(("sample.bin", 3L), ((await store.FindAsync(id, CancellationToken.None))!.FileName, (await store.FindAsync(id, CancellationToken.None))!.Size));
    }

    [Fact]
    public async Task Uploads_are_listed_by_age_for_the_retention_sweep()
    {
        var (store, database) = await NewStoreAsync();
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await store.BeginAsync(old, "old.bin", CancellationToken.None);
        await store.BeginAsync(recent, "recent.bin", CancellationToken.None);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE task_uploads SET begun_at = now() - interval '40 days' WHERE upload_id = @id", connection);
            command.Parameters.AddWithValue("id", old);
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal([old], await store.BegunBeforeAsync(DateTimeOffset.UtcNow.AddDays(-30), 10, CancellationToken.None));
    }
}
