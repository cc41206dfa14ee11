using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Amas.Orleans.Hosting;

/// <summary>
/// Writes of this silo to shared storage (grain state, the run journal), seen as one stream: the first failure after a success is logged as an outage,
/// the first success after failures as its end. A storage outage is one event in the log, not one per call.
/// </summary>
public sealed partial class StorageHealth(TimeProvider clock, ILogger<StorageHealth> logger)
{
    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4),
    ];

    /// <summary>Marks an exception already counted by <see cref="ObserveAsync{T}"/>, so a retried write counts it once.</summary>
    private const string ObservedKey = "amas.storage.observed";

    private readonly Lock _gate = new();
    private DateTimeOffset? _outageSince;
    private int _failures;

    /// <summary>How long writes are retried before the failure is passed to the caller.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Writes the state, retrying with backoff while storage is unavailable.</summary>
    public Task WriteAsync<T>(IPersistentState<T> state, CancellationToken cancellationToken = default)
        => RunAsync(token => state.WriteStateAsync(token), cancellationToken);

    /// <summary>Any write to shared storage (grain state, the run journal), retried with backoff while storage is unavailable.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await write(cancellationToken);
                Succeeded();
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && clock.GetUtcNow() - started < GiveUpAfter && !cancellationToken.IsCancellationRequested)
            {
                if (!ex.Data.Contains(ObservedKey))
                {
                    Failed(ex);
                }

                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], cancellationToken);
            }
        }
    }

    /// <summary>
    /// One call to storage made by someone else (Orleans reading grain state, the reminder service): its failure
    /// counts towards the outage and is passed on unchanged; nothing is retried here.
    /// </summary>
    public async Task<T> ObserveAsync<T>(Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            Succeeded();
            return result;
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            Failed(ex);
            ex.Data[ObservedKey] = true;
            throw;
        }
    }

    public Task ObserveAsync(Func<Task> call) => ObserveAsync(async () =>
    {
        await call();
        return true;
    });

    /// <summary>A version conflict is a logic error, not an outage: retrying the same write cannot succeed.</summary>
    private static bool IsTransient(Exception ex) => ex is not InconsistentStateException;

    private void Failed(Exception ex)
    {
        lock (_gate)
        {
            _failures++;
            if (_outageSince is not null)
            {
                return;
            }

            _outageSince = clock.GetUtcNow();
        }

        LogOutageStarted(logger, ex);
    }

    private void Succeeded()
    {
        DateTimeOffset since;
        int failures;
        lock (_gate)
        {
            if (_outageSince is null)
            {
                return;
            }

            since = _outageSince.Value;
            failures = _failures;
            _outageSince = null;
            _failures = 0;
        }

        LogOutageEnded(logger, (long)(clock.GetUtcNow() - since).TotalMilliseconds, failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage is failing; writes are retried until it answers again, further failures are counted, not logged")]
    private static partial void LogOutageStarted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage answers again after {DurationMs} ms and {Failures} failed calls")]
    private static partial void LogOutageEnded(ILogger logger, long durationMs, int failures);
}
