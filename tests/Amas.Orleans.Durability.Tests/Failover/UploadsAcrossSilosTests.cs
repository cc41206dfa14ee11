using System.Security.Cryptography;
using Amas.Orleans.Agents;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Durability.Tests.Failover;

/// <summary>
/// Uploads in a cluster of two silos with PostgreSQL: a file stored through whichever silo took the upload is
/// analysed by a forensics agent on whichever silo the task's agents were placed, byte for byte.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UploadsAcrossSilosTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-uploads-").FullName;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await postgres.Server.CreateDatabaseAsync();
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance).RunAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Forensics_agents_on_either_silo_read_uploads_from_postgresql_with_exact_hashes()
    {
        await using var cluster = await DurableCluster.StartAsync(2, redis: null, _database, _root, "uploads-" + Guid.NewGuid().ToString("N")[..8]);
        var silos = new HashSet<string>(StringComparer.Ordinal);

        // Placement spreads tasks by their id; keep submitting until agents have run on both silos.
        for (var attempt = 0; attempt < 16 && silos.Count < 2; attempt++)
        {
            var content = RandomNumberGenerator.GetBytes(150_000 + attempt);
            var upload = cluster.Client.GetGrain<IUploadGrain>(Guid.NewGuid());
            Assert.True(await upload.BeginAsync($"sample-{attempt}.bin"));
            for (var sequence = 0; sequence * 65_536 < content.Length; sequence++)
            {
                await upload.AppendAsync(sequence, content[(sequence * 65_536)..Math.Min(content.Length, (sequence + 1) * 65_536)]);
            }

            var stored = await upload.CompleteAsync();
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);

            var task = cluster.Client.GetGrain<ITaskOrchestratorGrain>(Guid.NewGuid());
            await task.SubmitAsync(new TaskSpec { Kind = TaskKind.Forensics, Options = new TaskOptions { Upload = stored }, Submitter = "uploads-test" });
            var ended = await WaitUntilEndedAsync(task);
            Assert.Equal(TaskLifecycle.Succeeded, ended.Lifecycle);
            var forensics = ended.Layers.SelectMany(l => l.Agents).Single(a => a.Agent == "Forensics");
            Assert.Equal(AgentRunStatus.Succeeded, forensics.Status);
            silos.Add(forensics.Silo!);

            var result = await task.GetResultAsync(0, 10);
            Assert.Equal([stored.Sha256], result!.Facts["Forensics.sha256"]);
            Assert.Equal([Convert.ToHexStringLower(MD5.HashData(content))], result.Facts["Forensics.md5"]);
        }

        Assert.Equal(2, silos.Count);
    }

    private static async Task<TaskSnapshot> WaitUntilEndedAsync(ITaskOrchestratorGrain task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await task.GetStatusAsync() is { Lifecycle: TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled } ended)
            {
                return ended;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The task did not end.");
    }
}
