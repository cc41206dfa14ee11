using System.Diagnostics;
using Npgsql;

namespace Amas.Orleans.SystemTests;

/// <summary>The cluster's <c>task_index</c> table: which silo each task's orchestrator runs on.</summary>
public sealed class TaskIndex(string connectionString)
{
    /// <summary>The silo hosting the most unfinished tasks among <paramref name="tasks"/>, and those tasks.</summary>
    public async Task<(string Silo, IReadOnlyList<Guid> Tasks)> BusiestSiloAsync(IReadOnlyList<Guid> tasks, bool unfinishedOnly)
    {
        var sql = "SELECT silo, task_id FROM task_index WHERE task_id = ANY(@ids) AND silo IS NOT NULL"
            + (unfinishedOnly ? " AND lifecycle IN ('pending', 'running')" : "");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", tasks.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var bySilo = new Dictionary<string, List<Guid>>();
        while (await reader.ReadAsync())
        {
            var silo = reader.GetString(0);
            if (!bySilo.TryGetValue(silo, out var onSilo))
            {
                bySilo[silo] = onSilo = [];
            }

            onSilo.Add(reader.GetGuid(1));
        }

        Assert.True(bySilo.Count > 0, "No task of the test is in the task index yet.");
        var busiest = bySilo.MaxBy(pair => pair.Value.Count);
        return (busiest.Key, busiest.Value);
    }

    /// <summary>How many of <paramref name="tasks"/> are running or waiting to run.</summary>
    public async Task<long> UnfinishedAsync(IReadOnlyList<Guid> tasks)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM task_index WHERE task_id = ANY(@ids) AND lifecycle IN ('pending', 'running')", connection);
        command.Parameters.AddWithValue("ids", tasks.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Time until every one of <paramref name="tasks"/> has left <paramref name="deadSilo"/>: its orchestrator recorded
    /// itself on another silo, or the task ended.
    /// </summary>
    public async Task<TimeSpan> WaitUntilMovedAsync(IReadOnlyList<Guid> tasks, string deadSilo, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM task_index WHERE task_id = ANY(@ids) AND silo = @dead AND lifecycle IN ('pending', 'running')", connection);
            command.Parameters.AddWithValue("ids", tasks.ToArray());
            command.Parameters.AddWithValue("dead", deadSilo);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The tasks of {deadSilo} were not running elsewhere within {within}.");
    }
}
