using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Amas.Orleans.Testing.Servers;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> into a new temporary folder, <c>pg_ctl start</c> on a
/// free 127.0.0.1 port, trust authentication for the user <c>amas</c>. Dispose kills it and deletes the folder.
/// Create one per test collection and one database per test (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string UserName = "amas";
    private const string DebianPackage = "postgresql";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] BinaryDirectories = ["/usr/lib/postgresql/*/bin"];

    private readonly string _pgCtl;
    private readonly string? _runAsUser;
    private int _databaseCounter;
    private bool _disposed;

    private PostgresServer(string root, int port, string pgCtl, string? runAsUser)
    {
        RootDirectory = root;
        Port = port;
        _pgCtl = pgCtl;
        _runAsUser = runAsUser;
    }

    /// <summary>The temporary folder holding the data directory, the socket and the server log.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    public int Port { get; private set; }

    /// <summary>The maintenance database <c>postgres</c>; tests should use their own database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public bool IsRunning { get; private set; }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var initdb = ServerBinaries.Find("initdb", DebianPackage, BinaryDirectories);
        var pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        if (!File.Exists(pgCtl))
        {
            pgCtl = ServerBinaries.Find("pg_ctl", DebianPackage, BinaryDirectories);
        }

        var runAsUser = ServerProcess.IsRoot ? "postgres" : null;
        var root = Directory.CreateTempSubdirectory("amas-postgres-").FullName;
        try
        {
            if (runAsUser is not null)
            {
                await ServerProcess.RunAsync("chown", [$"{runAsUser}:", root], null, CommandTimeout, cancellationToken);
            }

            var server = new PostgresServer(root, FreePorts.Next(), pgCtl, runAsUser);
            await ServerProcess.RunAsync(
                initdb,
                ["-D", server.DataDirectory, "-A", "trust", "-U", UserName, "-E", "UTF8", "--no-locale", "--no-sync"],
                runAsUser,
                CommandTimeout,
                cancellationToken);
            await server.StartOnFreePortAsync(cancellationToken);
            return server;
        }
        catch
        {
            TryDeleteDirectory(root);
            throw;
        }
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = UserName,
        Database = database,
        IncludeErrorDetail = true,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>Creates an empty database (a unique name when none is given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= string.Create(CultureInfo.InvariantCulture, $"test_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}");
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case identifier of at most 63 characters.", nameof(name));
        }

        // Unpooled: a pooled maintenance connection would be dead after StopAsync/StartAgainAsync.
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Stops the server, by default as a crash would (<c>pg_ctl stop -m immediate</c>: no checkpoint, clients cut
    /// off); <see cref="StartAgainAsync"/> brings it back on the same data and port.
    /// </summary>
    public async Task StopAsync(bool immediate = true, CancellationToken cancellationToken = default)
    {
        if (!IsRunning)
        {
            return;
        }

        await ServerProcess.RunAsync(_pgCtl, ["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w"], _runAsUser, CommandTimeout, cancellationToken);
        IsRunning = false;
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        await PgCtlStartAsync(cancellationToken);
        await WaitUntilAcceptingAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await StopAsync(immediate: true, CancellationToken.None);
        }
        catch (Exception) when (KillPostmaster())
        {
            // pg_ctl failed; the postmaster was killed through its pid file instead.
        }

        TryDeleteDirectory(RootDirectory);
    }

    private async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        // Another process may take the free port between FreePorts.Next() and the server binding it.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PgCtlStartAsync(cancellationToken);
                break;
            }
            catch (InvalidOperationException) when (attempt < attempts && LogMentions("could not bind"))
            {
                Port = FreePorts.Next();
            }
        }

        await WaitUntilAcceptingAsync(cancellationToken);
    }

    private async Task PgCtlStartAsync(CancellationToken cancellationToken)
    {
        // fsync and full-page writes off: a test database need not survive a power cut, and it makes tests fast.
        // synchronous_commit stays on, so a commit survives StopAsync(immediate), which is a crash of the server.
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {RootDirectory}",
            "-c fsync=off",
            "-c full_page_writes=off",
            "-c max_connections=200");
        await ServerProcess.RunAsync(
            _pgCtl,
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options],
            _runAsUser,
            CommandTimeout,
            cancellationToken);
        IsRunning = true;
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                // No pooling: a pooled connection could be one the previous incarnation of the server has broken.
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private bool LogMentions(string text)
    {
        try
        {
            return File.Exists(LogFile) && File.ReadAllText(LogFile).Contains(text, StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private bool KillPostmaster()
    {
        try
        {
            var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
            {
                using var postmaster = System.Diagnostics.Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        return true;
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory must not fail the test run.
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
