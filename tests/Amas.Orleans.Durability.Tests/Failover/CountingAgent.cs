using Amas.Orleans.Agents;
using Npgsql;

namespace Amas.Orleans.Durability.Tests.Failover;

/// <summary>
/// An agent that works for a while, then records its completion in PostgreSQL (<c>agent_completions</c>), so a test
/// can count how often each agent of each task ran to the end. It honours cancellation, as real agents do.
/// </summary>
public sealed class CountingAgent(string name, int layer, string capability, TimeSpan work, string connectionString) : IAgent
{
    public const string Table = "agent_completions";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = name,
        Layer = layer,
        Description = "Counts its completions.",
        Capabilities = [capability],
        ReadsRepository = false,
    };

    public static async Task CreateTableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE TABLE IF NOT EXISTS {Table} (task_id uuid NOT NULL, agent text NOT NULL, at timestamptz NOT NULL DEFAULT now())", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(work, cancellationToken);

        // The counter is the test's instrument: it must record even when PostgreSQL is briefly away.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"INSERT INTO {Table} (task_id, agent) VALUES (@task, @agent)", connection);
                command.Parameters.AddWithValue("task", context.TaskId);
                command.Parameters.AddWithValue("agent", name);
                await command.ExecuteNonQueryAsync(cancellationToken);
                break;
            }
            catch (NpgsqlException) when (attempt < 240)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }

        return AgentResult.Empty("counted");
    }
}
