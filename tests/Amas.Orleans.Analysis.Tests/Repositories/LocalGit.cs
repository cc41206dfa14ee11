using System.Diagnostics;

namespace Amas.Orleans.Analysis.Tests.Repositories;

/// <summary>Builds real git repositories for tests with the git CLI; identity is set per command, not globally.</summary>
internal static class LocalGit
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "user.name=Amas Test", "-c", "user.email=test@amas.local", .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }

        return output.GetAwaiter().GetResult().Trim();
    }

    public static string Init(string directory)
    {
        Directory.CreateDirectory(directory);
        Run(directory, "init", "--quiet", "--initial-branch=main");
        return directory;
    }

    /// <summary>Writes the files, commits everything, and returns the new commit id.</summary>
    public static string Commit(string repository, string message, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(repository, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        Run(repository, "add", "--all");
        Run(repository, "commit", "--quiet", "-m", message);
        return Run(repository, "rev-parse", "HEAD");
    }

    public static string FileUrl(string directory) => new Uri(directory).AbsoluteUri;
}
