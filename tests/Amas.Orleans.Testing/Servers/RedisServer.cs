using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Amas.Orleans.Testing.Servers;

/// <summary>
/// A throwaway Redis for tests: <c>redis-server</c> on a free 127.0.0.1 port, no persistence, working folder in
/// a new temporary directory. Dispose kills it and deletes the folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string DebianPackage = "redis-server";
    private readonly string _executable;
    private Process? _process;
    private bool _disposed;

    private RedisServer(string executable, string root, int port)
    {
        _executable = executable;
        DataDirectory = root;
        Port = port;
    }

    public string DataDirectory { get; }

    public string LogFile => Path.Combine(DataDirectory, "redis.log");

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis form: <c>127.0.0.1:port</c>.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = ServerBinaries.Find("redis-server", DebianPackage, "/usr/bin", "/usr/local/bin");
        var root = Directory.CreateTempSubdirectory("amas-redis-").FullName;
        var server = new RedisServer(executable, root, FreePorts.Next());
        try
        {
            const int attempts = 3;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await server.StartProcessAsync(cancellationToken);
                    return server;
                }
                catch (InvalidOperationException) when (attempt < attempts)
                {
                    // Most likely the port was taken between choosing it and binding it.
                    server.Port = FreePorts.Next();
                }
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a command in the inline protocol and returns the first reply line (e.g. <c>+PONG</c>).</summary>
    public async Task<string> SendAsync(string command, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync(cancellationToken) ?? string.Empty;
    }

    /// <summary>Stops the server: killed like a crash when <paramref name="immediate"/>, otherwise <c>SHUTDOWN NOSAVE</c>.</summary>
    public async Task StopAsync(bool immediate = true, CancellationToken cancellationToken = default)
    {
        if (_process is null)
        {
            return;
        }

        if (!immediate && !_process.HasExited)
        {
            try
            {
                await SendAsync("SHUTDOWN NOSAVE", cancellationToken);
            }
            catch (Exception exception) when (exception is SocketException or IOException)
            {
                // The connection closes as the server exits.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(cancellationToken);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port and folder (its data is gone: persistence is off).</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        IsRunning ? Task.CompletedTask : StartProcessAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(immediate: true, CancellationToken.None);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory must not fail the test run.
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                     "--appendonly", "no", "--dir", DataDirectory, "--logfile", LogFile, "--daemonize", "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"'{_executable}' did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process.HasExited)
            {
                _process = null;
                var exitCode = process.ExitCode;
                process.Dispose();
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : string.Empty;
                throw new InvalidOperationException($"redis-server exited with {exitCode} on port {Port}. Log:\n{log}");
            }

            try
            {
                if (await SendAsync("PING", cancellationToken) == "+PONG")
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                await StopAsync(immediate: true, CancellationToken.None);
                throw new TimeoutException($"redis-server on port {Port} did not answer PING within 15 s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
