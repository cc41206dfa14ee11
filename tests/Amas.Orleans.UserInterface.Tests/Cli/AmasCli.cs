using Amas.Orleans.UserInterface.Tests;
using System.Diagnostics;

namespace Amas.Orleans.UserInterface.Tests.Cli;

/// <summary>Runs <c>amas</c> as a process and keeps its exit code, stdout and stderr.</summary>
public static class AmasCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Binaries.Amas);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test gives: a developer's own AMAS_URL or AMAS_API_KEY must not leak in.
        start.Environment.Remove("AMAS_URL");
        start.Environment.Remove("AMAS_API_KEY");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"amas {string.Join(' ', arguments)} did not end within {Timeout}.");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
