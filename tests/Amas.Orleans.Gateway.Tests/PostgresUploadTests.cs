using System.Net;
using System.Text;
using Amas.Orleans.Testing.Forensics;
using Npgsql;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>Forensics uploads in a durable cluster: kept in PostgreSQL, where any silo reads them, until the task is purged.</summary>
[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresUploadTests(PostgresGateway gateway)
{
    private HttpClient Http => gateway.Http;

    private async Task<long> CountAsync(string sql, Guid uploadId)
    {
        await using var connection = new NpgsqlConnection(gateway.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", uploadId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_upload_is_stored_in_chunks_in_postgresql_analysed_with_exact_hashes_and_deleted_when_the_task_is_purged()
    {
        var key = "pg-upload-" + Guid.NewGuid();
        var uploadId = IntelRequests.UploadIdFor(key, gateway.Caller);
        // About 2.3 MB: more than the gateway's general 1 MiB body cap, in 64 KiB chunks with a short last one.
        var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("beacon to http://203.0.113.50/c2 via WriteProcessMemory; ", 40_000)));
        var expected = Path.Combine(gateway.Root, "expected.txt");
        await File.WriteAllBytesAsync(expected, content);

        var id = await (await Http.PostUploadAsync(IntelRequests.Forensics(), content, "notes.txt", key)).SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        Assert.Equal([SampleFiles.Checksum("sha256sum", expected)], result.Fact("Forensics.sha256"));
        Assert.Equal([SampleFiles.Checksum("md5sum", expected)], result.Fact("Forensics.md5"));
        Assert.Equal(["http://203.0.113.50/c2"], result.Fact("Forensics.urls"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM task_uploads WHERE upload_id = @id AND sha256 IS NOT NULL", uploadId));
        Assert.Equal((content.Length + 65_535) / 65_536, await CountAsync("SELECT count(*) FROM task_upload_chunks WHERE upload_id = @id", uploadId));

        // The retention sweep purges the task a few seconds after it ended, and its upload with it.
        var deadline = DateTime.UtcNow + PostgresGateway.FinishedTaskRetention + TimeSpan.FromSeconds(30);
        while ((await Http.GetAsync($"/api/v1/tasks/{id}")).StatusCode != HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/tasks/{id}")).StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM task_uploads WHERE upload_id = @id", uploadId));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM task_upload_chunks WHERE upload_id = @id", uploadId));
    }

    [Fact]
    public async Task A_rejected_upload_leaves_no_row_behind()
    {
        var key = "pg-rejected-" + Guid.NewGuid();

        var response = await Http.PostUploadAsync("""{"kind":"forensics","options":{"mode":"turbo"}}""", SampleFiles.Png(), "pixel.png", key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM task_uploads WHERE upload_id = @id", IntelRequests.UploadIdFor(key, gateway.Caller)));
    }
}
