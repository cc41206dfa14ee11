using System.Diagnostics;
using Amas.Orleans.Benchmarks.Router;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// The one process a task starts before its first agent: <c>git rev-parse --show-toplevel HEAD</c> in a local path
/// target, which pins the commit (GitRepositoryCheckouts). Timed alone, the same way, to show its share of a task.
/// </summary>
public static class GitPinCost
{
    public static async Task<Latencies> MeasureAsync(string repository, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo("git", ["rev-parse", "--show-toplevel", "HEAD"])
            {
                WorkingDirectory = repository,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var started = Stopwatch.GetTimestamp();
            using var git = Process.Start(start)!;
            await Task.WhenAll(git.StandardOutput.ReadToEndAsync(), git.StandardError.ReadToEndAsync(), git.WaitForExitAsync());
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Latencies("git rev-parse", times);
    }
}
