using System.Diagnostics;

namespace Amas.Orleans.Benchmarks.Profiling;

/// <summary>
/// dotnet-trace and dotnet-counters as the repository's tool manifest (.config/dotnet-tools.json) pins them,
/// run with <c>dotnet tool run</c> from the repository root; run.sh restores them before a full run.
/// </summary>
public sealed class DiagnosticTools
{
    private readonly string _root;

    private DiagnosticTools(string root, string traceVersion)
    {
        _root = root;
        TraceVersion = traceVersion;
    }

    /// <summary>What <c>dotnet-trace --version</c> answered, for the report.</summary>
    public string TraceVersion { get; }

    /// <summary>The tools, or null and why not (not restored, no manifest): the benchmark then runs without profiles.</summary>
    public static async Task<(DiagnosticTools? Tools, string? Missing)> FindAsync(string root)
    {
        var versions = new List<string>();
        foreach (var tool in new[] { "dotnet-trace", "dotnet-counters" })
        {
            var (exit, output) = await RunAsync(root, tool, ["--version"], TimeSpan.FromSeconds(60));
            if (exit != 0)
            {
                return (null, $"`dotnet tool run {tool}` failed (exit {exit}): {output.Trim().Split('\n')[0]}; `dotnet tool restore` installs it");
            }

            versions.Add(output.Trim().Split('\n')[0].Split('+')[0]);
        }

        return (new DiagnosticTools(root, versions[0]), null);
    }

    /// <summary>Starts a tool with its output read line by line into <paramref name="lines"/>; stdin is closed.</summary>
    public Process Start(string tool, IEnumerable<string> arguments, Action<string> lines)
    {
        var process = new Process { StartInfo = StartInfo(_root, tool, arguments), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo StartInfo(string root, string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "tool", "run", tool, "--" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string root, string tool, IEnumerable<string> arguments, TimeSpan limit)
    {
        using var process = Process.Start(StartInfo(root, tool, arguments))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"no answer within {limit.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output + await error);
    }
}
