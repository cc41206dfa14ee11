namespace Amas.Orleans.Monitoring;

/// <summary>
/// What ended in one minute (UTC): tasks by outcome with their response times, and provider calls per provider.
/// A silo tallies its own minutes and flushes them; the monitor adds the silos' minutes up.
/// </summary>
[GenerateSerializer, Alias("amas.WorkflowMinute")]
public sealed record WorkflowMinute
{
    /// <summary>Minutes since the Unix epoch.</summary>
    [Id(0)] public required long Minute { get; init; }
    [Id(1)] public long Succeeded { get; init; }
    [Id(2)] public long Failed { get; init; }
    [Id(3)] public long Cancelled { get; init; }
    /// <summary>Sum over the tasks that ended of their time from submission to end.</summary>
    [Id(4)] public double ResponseMsTotal { get; init; }
    [Id(5)] public double ResponseMsMax { get; init; }
    [Id(6)] public IReadOnlyDictionary<string, ProviderUse> Providers { get; init; } = new Dictionary<string, ProviderUse>();
}

[GenerateSerializer, Immutable, Alias("amas.ProviderUse")]
public sealed record ProviderUse
{
    [Id(0)] public long Calls { get; init; }
    [Id(1)] public long Failures { get; init; }
}
