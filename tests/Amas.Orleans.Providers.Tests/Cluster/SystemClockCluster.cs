using Amas.Orleans.Testing;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>The real clock: for timeouts, hedging and concurrency, which need time to pass.</summary>
public sealed class SystemClockCluster : ProviderCluster
{
    public const string RefusingProvider = "cr-bad";

    protected override IEnumerable<(string Id, int Priority, string? Timeout, string? BaseUrl)> Providers =>
    [
        ("fo-a", 1, null, null), ("fo-b", 2, null, null),
        ("to-slow", 1, "00:00:01", null), ("to-ok", 2, null, null),
        ("tr-bad", 1, null, null), ("tr-ok", 2, null, null),
        ("em-bad", 1, null, null), ("em-ok", 2, null, null),
        // Nothing listens on a port FreePorts just handed out: the connection is refused.
        (RefusingProvider, 1, null, $"http://127.0.0.1:{FreePorts.Next()}/v1"), ("cr-ok", 2, null, null),
        ("au-bad", 1, null, null), ("au-ok", 2, null, null),
        ("br-bad", 1, null, null), ("br-ok", 2, null, null),
        ("hd-slow", 1, null, null), ("hd-fast", 2, null, null),
        ("rr-1", 1, null, null), ("rr-2", 2, null, null), ("rr-3", 3, null, null),
        ("dd-1", 1, null, null),
        ("af-1", 1, null, null), ("af-2", 2, null, null), ("af-3", 3, null, null),
        ("uc-ok", 2, null, null),
        ("ep-a", 1, null, null), ("ep-b", 2, null, null), ("ep-down", 1, null, null),
        ("sf-1", 1, null, null), ("pi-1", 1, null, null),
        ("lh-a", 1, null, null), ("lh-b", 2, null, null), ("lt-a", 1, null, null), ("lt-b", 2, null, null),
    ];

    /// <summary>The router's copy of the LearningSystem's provider history is refreshed at every flush: often, here.</summary>
    protected override void Configure(Dictionary<string, string?> settings)
        => settings["Amas:Learning:FlushInterval"] = "00:00:00.100";
}

[CollectionDefinition(Name)]
public sealed class SystemClockCollection : ICollectionFixture<SystemClockCluster>
{
    public const string Name = "providers, system clock";
}
