using System.Diagnostics;
using System.Text;

namespace Amas.Orleans.Testing.Servers;

/// <summary>Runs the short-lived commands the fixtures need (initdb, pg_ctl, chown) and reports their output on failure.</summary>
internal static class ServerProcess
{
    /// <summary>
    /// PostgreSQL refuses to run as root; when the tests run as root, its tools run as the <c>postgres</c> user
    /// that the Debian package creates.
    /// </summary>
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string? runAsUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsUser is null)
        {
            start.FileName = fileName;
        }
        else
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAsUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{Describe(start)}' did not finish within {timeout}. Output:\n{Read(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Describe(start)}' exited with {process.ExitCode}. Output:\n{Read(output)}");
        }
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

    private static string Describe(ProcessStartInfo start) => $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
}
