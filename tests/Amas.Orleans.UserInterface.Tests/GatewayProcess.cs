using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amas.Orleans.Testing;

namespace Amas.Orleans.UserInterface.Tests;

/// <summary>
/// The embedded system started as users start it — the gateway's own binary in its own process, on free loopback
/// ports — with an allowed root for the repositories the CLI submits.
/// </summary>
public class GatewayProcess : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-cli-").FullName;

    public Uri Url { get; } = new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePorts.Next()}"));

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Settings a derived fixture adds (authentication, …).</summary>
    protected virtual IEnumerable<string> MoreArguments => [];

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (var argument in new List<string>
        {
            Binaries.Gateway,
            $"--urls={Url}",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=cli-tests-{Guid.NewGuid():N}",
            $"--Amas:Repositories:AllowedRoots:0={Root}",
            $"--Amas:Repositories:CacheDirectory={Path.Combine(Root, ".checkouts")}",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(MoreArguments))
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The gateway was not ready within {StartTimeout}:\n{Log}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayProcessCollection : ICollectionFixture<GatewayProcess>
{
    public const string Name = "gateway process";
}
