using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amas.Orleans.Testing;
using Npgsql;

namespace Amas.Orleans.SystemTests;

/// <summary>
/// One local cluster started by <c>deploy/local/cluster.sh</c> in its own state folder, on free ports. Every
/// operation runs the script as a user would; what the script recorded (ports) is read from the state folder.
/// </summary>
public sealed class LocalCluster
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task> Build = new(() => RunScriptAsync(null, ["build"]));

    private LocalCluster(string stateDirectory, int gatewayPort)
    {
        StateDirectory = stateDirectory;
        GatewayPort = gatewayPort;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Script => Path.Combine(RepositoryRoot, "deploy", "local", "cluster.sh");

    public string StateDirectory { get; }

    public int GatewayPort { get; }

    public Uri GatewayUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{GatewayPort}"));

    /// <summary>The bootstrap admin key the script made for this cluster's gateway.</summary>
    public string AdminKey => File.ReadAllText(Path.Combine(StateDirectory, "admin.key")).Trim();

    /// <summary>The cluster's PostgreSQL database, as the silos use it; unpooled, so a restarted server never breaks a test.</summary>
    public string PostgresConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = ReadPort("postgres"),
        Username = "amas",
        Database = "amas",
        Pooling = false,
    }.ConnectionString;

    /// <summary>Builds the silo and the gateway once per test run; every cluster then starts with <c>--no-build</c>.</summary>
    public static Task BuildOnceAsync() => Build.Value;

    /// <summary><c>cluster.sh start --silos N --gateway-port P --no-build -- siloArguments</c> in a new state folder.</summary>
    public static async Task<LocalCluster> StartAsync(int silos, IReadOnlyList<string> siloArguments)
    {
        await BuildOnceAsync();
        var state = Directory.CreateTempSubdirectory("amas-local-cluster-").FullName;
        var cluster = new LocalCluster(state, FreePorts.Next());
        try
        {
            await cluster.RunAsync(["start", "--silos", silos.ToString(CultureInfo.InvariantCulture), "--gateway-port",
                cluster.GatewayPort.ToString(CultureInfo.InvariantCulture), "--no-build", "--", .. siloArguments]);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }

    /// <summary>Starts the stopped parts again (the silo arguments are the ones remembered from the first start).</summary>
    public Task<string> StartAgainAsync() => RunAsync(
        ["start", "--gateway-port", GatewayPort.ToString(CultureInfo.InvariantCulture), "--no-build"]);

    public Task<string> StatusAsync() => RunAsync(["status"]);

    /// <summary>SIGKILL of silo <paramref name="silo"/>: the process dies at once, nothing is handed over.</summary>
    public Task<string> KillSiloAsync(int silo) => RunAsync(["kill-silo", silo.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>SIGTERM of silo <paramref name="silo"/>: a graceful shutdown; returns when the process has ended.</summary>
    public Task<string> StopSiloAsync(int silo) => RunAsync(["stop-silo", silo.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Starts silo <paramref name="silo"/> (again) and returns when its /health/ready answers 200.</summary>
    public Task<string> StartSiloAsync(int silo) => RunAsync(["start-silo", silo.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Stops the silos and the gateway; PostgreSQL and Redis keep running with their data.</summary>
    public Task<string> StopSilosAndGatewayAsync() => RunAsync(["stop", "--keep-data"]);

    /// <summary>Stops everything and removes the state folder.</summary>
    public async Task StopAsync()
    {
        await RunAsync(["stop"]);
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    /// <summary>Which silo (1..N) an Orleans silo address such as <c>127.0.0.1:41715@154553688</c> belongs to.</summary>
    public int SiloNumberOf(string siloAddress)
    {
        var port = int.Parse(siloAddress.Split('@')[0].Split(':')[1], CultureInfo.InvariantCulture);
        for (var silo = 1; File.Exists(PortFile($"silo-{silo}.silo")); silo++)
        {
            if (ReadPort($"silo-{silo}.silo") == port)
            {
                return silo;
            }
        }

        throw new InvalidOperationException($"No silo of this cluster listens on port {port} ({siloAddress}).");
    }

    /// <summary>The last lines of every log of the cluster, for a failure message.</summary>
    public string LogTails(int lines = 40)
    {
        var text = new StringBuilder();
        foreach (var log in Directory.EnumerateFiles(StateDirectory, "*.log").Order(StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {Path.GetFileName(log)}");
            foreach (var line in File.ReadLines(log).TakeLast(lines))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    private string PortFile(string name) => Path.Combine(StateDirectory, name + ".port");

    private int ReadPort(string name) => int.Parse(File.ReadAllText(PortFile(name)).Trim(), CultureInfo.InvariantCulture);

    private Task<string> RunAsync(IReadOnlyList<string> arguments) => RunScriptAsync(StateDirectory, arguments);

    private static async Task<string> RunScriptAsync(string? stateDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (stateDirectory is not null)
        {
            start.Environment["AMAS_LOCAL_CLUSTER_DIR"] = stateDirectory;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {string.Join(' ', arguments)} did not finish within {CommandTimeout}:\n{Read(output)}");
        }

        // The silos are started detached and write to their own logs, so the pipes close when the script exits.
        process.WaitForExit();
        return process.ExitCode == 0
            ? Read(output)
            : throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{Read(output)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Amas.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Amas.Orleans.sln not found above {AppContext.BaseDirectory}.");
    }
}
