using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>
/// The providers read a fake clock (only they do: Orleans keeps the real one), so cool-downs and Retry-After are
/// tested by moving the clock, not by waiting. Tests in this collection run one after another and only move it forward.
/// </summary>
public sealed class FakeClockCluster : ProviderCluster
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<(string Id, int Priority, string? Timeout, string? BaseUrl)> Providers =>
    [
        ("rl-a", 1, null, null), ("rl-b", 2, null, null),
        ("cb-a", 1, null, null), ("cb-b", 2, null, null),
    ];

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Amas:Providers:CircuitBreaker:FailureThreshold"] = "3";
        settings["Amas:Providers:CircuitBreaker:CoolDown"] = "00:00:30";
        settings["Amas:Providers:CircuitBreaker:HalfOpenSuccesses"] = "2";
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.AddKeyedSingleton<TimeProvider>(ProviderServices.ClockKey, Clock);
}

[CollectionDefinition(Name)]
public sealed class FakeClockCollection : ICollectionFixture<FakeClockCluster>
{
    public const string Name = "providers, fake clock";
}
