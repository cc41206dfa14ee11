using Amas.Orleans.Analysis.Tests.Repositories;
using Amas.Orleans.Fixes;

namespace Amas.Orleans.Analysis.Tests.Fixes;

/// <summary>The operator's build/test command, as the QualityValidator runs it: isolated, limited, its output kept.</summary>
public sealed class ValidationCommandTests
{
    private static Task<ValidationRun> RunAsync(string directory, int timeoutSeconds, params string[] command)
        => new ValidationCommand(new ValidationCommandOptions { Command = [.. command], TimeoutSeconds = timeoutSeconds })
            .RunAsync(directory, CancellationToken.None);

    [Fact]
    public async Task The_command_runs_in_the_directory_without_network_and_without_the_silos_environment()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.Combine("marker.txt"), "here");

        var files = await RunAsync(directory.Path, 30, "cat", "marker.txt");
        var network = await RunAsync(directory.Path, 30, "cat", "/proc/net/dev");
        var environment = await RunAsync(directory.Path, 30, "env");

        Assert.Equal((true, "here"), (files.Passed, files.Output));
        Assert.Equal(["lo"], network.Output.Split('\n').Skip(2).Select(l => l.Split(':')[0].Trim()).Where(n => n.Length > 0));
        Assert.DoesNotContain("(without network isolation", network.Outcome, StringComparison.Ordinal);
        Assert.Equal(["HOME", "LC_ALL", "PATH"], environment.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_command_fails_the_patch_with_its_exit_code_and_output()
    {
        using var directory = new TempDirectory();

        var run = await RunAsync(directory.Path, 30, "sh", "-c", "echo 'test broke' >&2; exit 3");

        Assert.False(run.Passed);
        Assert.Equal("the validation command failed with exit code 3", run.Outcome);
        Assert.Equal("test broke\n", run.Output);
    }

    [Fact]
    public async Task A_command_that_overruns_its_timeout_is_killed_and_fails()
    {
        using var directory = new TempDirectory();

        var run = await RunAsync(directory.Path, 1, "sleep", "60");

        Assert.Equal((false, "the validation command timed out after 1 s"), (run.Passed, run.Outcome));
    }
}
