using System.Collections.Concurrent;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// Identical requests in flight at the same time share one routing (and so one provider call). Per silo, so the
/// router's activations share it. Only in-flight requests are shared: a request after the answer is a new call.
/// </summary>
public sealed class RequestDeduplicator
{
    private readonly ConcurrentDictionary<string, Task<GenerateResponse>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="route"/> unless an identical request runs already. The shared routing is bounded by its
    /// own deadline, not by one caller's token: a caller that gives up must not cancel the others' answer.
    /// </summary>
    /// <param name="key">The request's <see cref="RequestKeys.Of"/>.</param>
    public Task<GenerateResponse> RunAsync(string key, Func<Task<GenerateResponse>> route, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<GenerateResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _inFlight.GetOrAdd(key, mine.Task);
        if (shared == mine.Task)
        {
            _ = RunSharedAsync(key, route, mine);
        }

        return shared.WaitAsync(cancellationToken);
    }

    public int InFlight => _inFlight.Count;

    private async Task RunSharedAsync(string key, Func<Task<GenerateResponse>> route, TaskCompletionSource<GenerateResponse> answer)
    {
        try
        {
            answer.SetResult(await route());
        }
        catch (Exception exception)
        {
            answer.SetException(exception);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<GenerateResponse>>(key, answer.Task));
        }
    }
}
