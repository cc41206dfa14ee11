using System.Diagnostics;
using Amas.Orleans.Benchmarks.Router;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// What a task does once before its first agent: pin a local target to the commit its work tree has checked out
/// (<see cref="IRepositoryCheckouts.PinAsync"/>, libgit2 reading HEAD in the silo's process). Timed alone, through the
/// silo's own service, to show its share of a task.
/// </summary>
public static class PinCost
{
    public static async Task<Latencies> MeasureAsync(BenchHost host, int runs)
    {
        var checkouts = host.Services.GetRequiredService<IRepositoryCheckouts>();
        var repository = host.Services.GetRequiredService<RepositoryTargetValidator>().Validate(new RepositoryTarget { Path = host.Repository });
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var pinned = await checkouts.PinAsync(repository, null, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (pinned.Commit is null)
            {
                throw new InvalidOperationException($"The benchmark's repository {host.Repository} was pinned to no commit.");
            }
        }

        return new Latencies("pin", times);
    }
}
