using Npgsql;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// The gateway's own connection pool to the security tables. Its own, not the silo's: an embedded silo registers
/// a data source only with PostgreSQL persistence, and a gateway in client mode has no silo at all.
/// </summary>
public sealed class SecurityDatabase(string connectionString) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
