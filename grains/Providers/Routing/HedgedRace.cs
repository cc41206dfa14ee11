namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// <c>fastest</c> with hedging: the first provider starts; when it has not answered after the delay, the second
/// starts too; the first success wins and the other call is cancelled (the provider grain passes the cancellation on
/// to its HTTP request). A failure does not end the race while the other call may still succeed.
/// </summary>
public static class HedgedRace
{
    /// <param name="call">Calls one provider; must not throw.</param>
    /// <returns>The attempts in the order they started, the winner if any, and how many providers were used.</returns>
    public static async Task<(IReadOnlyList<ProviderAttempt> Attempts, ProviderCallResult? Winner, int Used)> RunAsync(
        string first, string second, TimeSpan delay, TimeProvider time,
        Func<string, CancellationToken, Task<ProviderCallResult>> call, CancellationToken cancellationToken)
    {
        var firstCall = new CancellationTokenSource();
        var firstTask = call(first, firstCall.Token);
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var hedge = Task.Delay(delay, time, waiting.Token);
            if (await Task.WhenAny(firstTask, hedge) == firstTask)
            {
                await waiting.CancelAsync();
                firstCall.Dispose();
                var alone = await firstTask;
                return ([RoutingAttempts.From(alone)], alone.IsSuccess ? alone : null, 1);
            }
        }

        var secondCall = new CancellationTokenSource();
        var secondTask = call(second, secondCall.Token);
        var racers = new Dictionary<Task<ProviderCallResult>, CancellationTokenSource> { [firstTask] = firstCall, [secondTask] = secondCall };
        var results = new Dictionary<Task<ProviderCallResult>, ProviderCallResult>();
        ProviderCallResult? winner = null;
        while (racers.Count > 0 && winner is null)
        {
            var done = await Task.WhenAny(racers.Keys);
            racers.Remove(done, out var source);
            source!.Dispose();
            results[done] = await done;
            winner = results[done].IsSuccess ? results[done] : null;
        }

        foreach (var (loser, source) in racers)
        {
            // Not awaited: the answer should not wait for the loser to notice its cancellation.
            await source.CancelAsync();
            _ = loser.ContinueWith(_ => source.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            results[loser] = new ProviderCallResult
            {
                Provider = loser == firstTask ? first : second,
                Outcome = ProviderOutcome.Cancelled,
                Called = true,
                Error = "lost the hedged race to a faster provider; cancelled",
            };
        }

        var attempts = new List<ProviderAttempt> { RoutingAttempts.From(results[firstTask]), RoutingAttempts.From(results[secondTask]) with { Hedged = true } };
        return (attempts, winner, 2);
    }
}
