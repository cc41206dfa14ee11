using Microsoft.Extensions.Logging;
using Npgsql;

namespace Amas.Orleans.Silo.Migrations;

/// <summary>
/// Brings a PostgreSQL database up to the embedded schema. Each pending migration runs in its own transaction
/// together with its <c>schema_migrations</c> row, so a failure leaves the database at the last good version.
/// The whole run holds a session advisory lock: silos starting together queue behind each other instead of
/// applying the same script twice, and the lock vanishes with the connection if the process dies.
/// </summary>
public sealed partial class MigrationRunner
{
    /// <summary>"amasmigr" as a big-endian integer: one lock key for every Amas database.</summary>
    public const long AdvisoryLockKey = 0x616D_6173_6D69_6772;

    private readonly string _connectionString;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger<MigrationRunner> _logger;

    public MigrationRunner(string connectionString, ILogger<MigrationRunner> logger)
        : this(connectionString, MigrationCatalog.Embedded, logger)
    {
    }

    public MigrationRunner(string connectionString, IReadOnlyList<Migration> migrations, ILogger<MigrationRunner> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _migrations = [.. migrations.OrderBy(migration => migration.Version)];
        _logger = logger;
    }

    public async Task<IReadOnlyList<MigrationOutcome>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        LogWaitingForLock(_logger, connection.Database);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations
                (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    checksum   text        NOT NULL
                )
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var outcomes = new List<MigrationOutcome>(_migrations.Count);
            foreach (var migration in _migrations)
            {
                if (applied.Remove(migration.Version, out var row))
                {
                    if (!string.Equals(row.Checksum, migration.Checksum, StringComparison.Ordinal))
                    {
                        throw new MigrationChecksumMismatchException(migration.Version, migration.Name, row.Checksum, migration.Checksum);
                    }

                    outcomes.Add(new MigrationOutcome(migration.Version, migration.Name, MigrationAction.Skipped));
                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken);
                LogApplied(_logger, migration.Version, migration.Name);
                outcomes.Add(new MigrationOutcome(migration.Version, migration.Name, MigrationAction.Applied));
            }

            // A newer build applied these; an older silo still runs against that schema during a rolling upgrade.
            foreach (var (version, row) in applied)
            {
                LogUnknownMigration(_logger, version, row.Name);
            }

            return outcomes;
        }
        finally
        {
            // Unlock even when cancelled: the connection goes back to the pool and must not keep the lock.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        }
        catch (PostgresException exception)
        {
            throw new InvalidOperationException(
                $"Migration {migration.Version:D4}_{migration.Name} failed: {exception.MessageText} (SQLSTATE {exception.SqlState}). Nothing of it was applied.",
                exception);
        }

        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
            cancellationToken,
            ("version", migration.Version),
            ("name", migration.Name),
            ("checksum", migration.Checksum));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string Name, string Checksum)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting for the schema migration lock on database {Database}")]
    private static partial void LogWaitingForLock(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has migration {Version} {Name}, which this build does not know; a newer build applied it")]
    private static partial void LogUnknownMigration(ILogger logger, int version, string name);
}
