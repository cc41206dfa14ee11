using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Amas.Orleans.Fixes;

/// <summary>What the validation command did: passed, or why not, with the end of its output.</summary>
internal sealed record ValidationRun(bool Passed, string Outcome, string Output);

/// <summary>
/// Runs the operator's validation command in a directory: an argument vector (never a shell line), a clean
/// environment, a CPU and memory limit (prlimit), no network (a new network namespace through unshare, when the
/// machine allows one), a wall-clock timeout that kills the whole process tree, and its output captured.
/// </summary>
internal sealed class ValidationCommand(ValidationCommandOptions options)
{
    private static readonly Lazy<bool> NetworkIsolation = new(() => Probe("unshare", "--net", "--map-root-user", "true"));
    private static readonly Lazy<bool> ResourceLimits = new(() => Probe("prlimit", "--cpu=1", "--", "true"));

    public async Task<ValidationRun> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var argv = new List<string>();
        var isolated = options.IsolateNetwork && NetworkIsolation.Value;
        if (isolated)
        {
            argv.AddRange(["unshare", "--net", "--map-root-user", "--"]);
        }

        if (ResourceLimits.Value)
        {
            argv.AddRange(["prlimit", $"--as={options.MaxMemoryBytes.ToString(CultureInfo.InvariantCulture)}",
                $"--cpu={options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}", "--"]);
        }

        argv.AddRange(options.Command);
        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the silo's environment (keys, connection strings) reaches code from the repository.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        start.Environment["HOME"] = directory;
        start.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new ValidationRun(false, $"the validation command could not start: {ex.Message}", "");
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var text = (await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false));
        if (text.Length > options.MaxOutputChars)
        {
            text = "…" + text[^options.MaxOutputChars..];
        }

        var network = isolated ? "" : " (without network isolation: not available here)";
        return timedOut
            ? new ValidationRun(false, $"the validation command timed out after {options.TimeoutSeconds} s{network}", text)
            : process.ExitCode == 0
                ? new ValidationRun(true, $"the validation command passed{network}", text)
                : new ValidationRun(false, $"the validation command failed with exit code {process.ExitCode}{network}", text);
    }

    private static bool Probe(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return false;
            }

            process.WaitForExit(5000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
