using System.Text.Json;
using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Journal;
using Npgsql;

namespace Amas.Orleans.Silo.Persistence;

/// <summary>The run journal in PostgreSQL (<c>agent_runs</c>, migration 0004), shared by every silo.</summary>
public sealed class PostgresAgentRunJournal(NpgsqlDataSource database) : IAgentRunJournal
{
    private const string Insert = """
        INSERT INTO agent_runs (task_id, agent, start_no, silo, status, findings, started_at, ended_at)
        VALUES (@task_id, @agent, @start_no, @silo, @status, @findings, @started_at, @ended_at)
        """;

    private const string Select = """
        SELECT agent, start_no, silo, status, findings, started_at, ended_at
        FROM agent_runs WHERE task_id = @task_id ORDER BY ended_at, id
        """;

    public async Task RecordAsync(AgentRunRecord run, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Insert);
        command.Parameters.AddWithValue("task_id", run.TaskId);
        command.Parameters.AddWithValue("agent", run.Agent);
        command.Parameters.AddWithValue("start_no", run.Start);
        command.Parameters.AddWithValue("silo", run.Silo);
        command.Parameters.AddWithValue("status", StatusName(run.Status));
        command.Parameters.AddWithValue("findings", run.Findings);
        command.Parameters.AddWithValue("started_at", run.StartedAt);
        command.Parameters.AddWithValue("ended_at", run.EndedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AgentRunRecord>> RunsOfAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Select);
        command.Parameters.AddWithValue("task_id", taskId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<AgentRunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new AgentRunRecord
            {
                TaskId = taskId,
                Agent = reader.GetString(0),
                Start = reader.GetInt32(1),
                Silo = reader.GetString(2),
                Status = ParseStatus(reader.GetString(3)),
                Findings = reader.GetInt32(4),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(5),
                EndedAt = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return runs;
    }

    public async Task PurgeAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM agent_runs WHERE task_id = @task_id");
        command.Parameters.AddWithValue("task_id", taskId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The names the HTTP API uses (<c>timed_out</c>), so a row reads the same as a status document.</summary>
    public static string StatusName(AgentRunStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static AgentRunStatus ParseStatus(string name)
        => Enum.GetValues<AgentRunStatus>().First(status => StatusName(status) == name);
}
