using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Repositories;

/// <summary>What one git command printed.</summary>
internal sealed record GitOutput(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs the git CLI with an argument vector (never a shell line), no prompts, only the allowed transports, and a
/// time limit after which the whole process tree is killed.
/// </summary>
internal sealed class GitCli(RepositoryOptions options, ILogger logger)
{
    private const int MaxErrorChars = 4000;

    // Applied to every command: a repository's own configuration must not make git run programs of its choosing.
    private static readonly string[] SafetyConfig = ["-c", "core.fsmonitor=false", "-c", "protocol.ext.allow=never"];

    /// <summary>Runs git and returns its output whatever the exit code.</summary>
    public async Task<GitOutput> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in SafetyConfig.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_ALLOW_PROTOCOL"] = AllowedProtocols();
        startInfo.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new RepositoryCheckoutException("The git command-line tool could not be started; is git installed?", ex);
        }

        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeout = new CancellationTokenSource(options.GitTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillTreeAsync(process).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            RepositoryLog.GitTimedOut(logger, arguments[0], options.GitTimeout);
            throw new RepositoryCheckoutException($"git {arguments[0]} timed out after {options.GitTimeout}.");
        }

        return new GitOutput(process.ExitCode, await standardOutput.ConfigureAwait(false), await standardError.ConfigureAwait(false));
    }

    /// <summary>Runs git and throws a <see cref="RepositoryCheckoutException"/> carrying its stderr when it fails.</summary>
    public async Task<GitOutput> RunCheckedAsync(IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var output = await RunAsync(arguments, workingDirectory, cancellationToken).ConfigureAwait(false);
        return output.ExitCode == 0 ? output : throw Failure(arguments[0], output);
    }

    public static RepositoryCheckoutException Failure(string command, GitOutput output)
    {
        var error = output.StandardError.Trim();
        if (error.Length > MaxErrorChars)
        {
            error = error[..MaxErrorChars] + "…";
        }

        return new RepositoryCheckoutException(
            $"git {command} failed with exit code {output.ExitCode}: {(error.Length == 0 ? "(no error output)" : error)}");
    }

    private string AllowedProtocols()
    {
        var allowed = options.EffectiveGitSchemes
            .Where(scheme => !RepositoryOptionsValidator.ForbiddenSchemes.Contains(scheme))
            .Select(scheme => scheme.ToLowerInvariant())
            .ToList();

        // Naming a protocol that does not exist leaves no doubt that nothing is allowed.
        return allowed.Count == 0 ? "none" : string.Join(':', allowed);
    }

    private static async Task KillTreeAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
            return;
        }

        // Kill only signals; the caller is about to delete the directory git was writing, so let it die first,
        // but never hang on a process the kernel will not reap.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
