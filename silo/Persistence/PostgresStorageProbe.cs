using Amas.Orleans.Health;
using Amas.Orleans.Hosting;
using Npgsql;

namespace Amas.Orleans.Silo.Persistence;

/// <summary>Opens a connection from the silo's pool and runs <c>SELECT 1</c>: the database answers, or it does not.</summary>
public sealed class PostgresStorageProbe(NpgsqlDataSource database) : IStorageProbe
{
    public async Task<StorageProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return new StorageProbeResult { Reachable = true, Storage = "postgres", Detail = "PostgreSQL answered." };
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The exception's message, not the connection string: it names the host and the failure, no password.
            return new StorageProbeResult { Reachable = false, Storage = "postgres", Detail = $"PostgreSQL did not answer: {ex.GetType().Name}: {ex.Message}" };
        }
    }
}
