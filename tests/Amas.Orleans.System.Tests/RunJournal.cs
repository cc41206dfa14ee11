using Npgsql;

namespace Amas.Orleans.SystemTests;

/// <summary>The cluster's <c>agent_runs</c> table: every agent run as it ended, written before its report was stored.</summary>
public sealed class RunJournal(string connectionString)
{
    /// <summary>How many runs of each (task, agent) of <paramref name="tasks"/> ran to completion.</summary>
    public async Task<IReadOnlyDictionary<(Guid Task, string Agent), long>> CompletionsAsync(IReadOnlyList<Guid> tasks)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT task_id, agent, count(*) FROM agent_runs WHERE task_id = ANY(@ids) AND status = 'succeeded' GROUP BY task_id, agent",
            connection);
        command.Parameters.AddWithValue("ids", tasks.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var completions = new Dictionary<(Guid, string), long>();
        while (await reader.ReadAsync())
        {
            completions[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return completions;
    }

    /// <summary>The highest start number among the completed runs of <paramref name="tasks"/>: 2 or more means work moved.</summary>
    public async Task<int> HighestCompletedStartAsync(IReadOnlyList<Guid> tasks)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(start_no), 0) FROM agent_runs WHERE task_id = ANY(@ids) AND status = 'succeeded'", connection);
        command.Parameters.AddWithValue("ids", tasks.ToArray());
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs of <paramref name="tasks"/> that ended in anything but success.</summary>
    public async Task<IReadOnlyList<string>> UnsuccessfulRunsAsync(IReadOnlyList<Guid> tasks)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT task_id::text || ' ' || agent || ' ' || status || ' on ' || silo FROM agent_runs WHERE task_id = ANY(@ids) AND status <> 'succeeded'",
            connection);
        command.Parameters.AddWithValue("ids", tasks.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<string>();
        while (await reader.ReadAsync())
        {
            runs.Add(reader.GetString(0));
        }

        return runs;
    }
}
