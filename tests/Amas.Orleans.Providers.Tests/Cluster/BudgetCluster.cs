using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>
/// Budgets and the response cache on, over a fake clock that starts an hour before a UTC midnight. The fake provider
/// reports 5 prompt and 7 completion tokens per answer, so a task's 24 tokens are two answers and a caller's 36 a
/// day are three; <c>bk-1</c> costs US$3.50 an answer against a task's US$3.
/// </summary>
public sealed class BudgetCluster : ProviderCluster
{
    public const int TokensPerAnswer = 12;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<(string Id, int Priority, string? Timeout, string? BaseUrl)> Providers =>
    [
        ("bt-1", 1, null, null), ("bc-1", 1, null, null), ("bk-1", 1, null, null), ("bp-1", 1, null, null), ("bh-1", 1, null, null),
        ("ch-1", 1, null, null), ("ch-2", 1, null, null), ("cx-1", 1, null, null),
    ];

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Amas:Providers:Budgets:TokensPerTask"] = "24";
        settings["Amas:Providers:Budgets:CostPerTaskUsd"] = "3";
        settings["Amas:Providers:Budgets:TokensPerCallerPerDay"] = "36";
        settings["Amas:Providers:Budgets:CallerDayRetention"] = CallerDayRetention.ToString();
        settings["Amas:Providers:Budgets:ExpiryCheckPeriod"] = "00:00:01";
        // 5 prompt tokens at US$0.70 each.
        settings["Amas:Providers:Custom:bk-1:PromptCostPerMillion"] = "700000";
        settings["Amas:Providers:Cache:Enabled"] = "true";
        settings["Amas:Providers:Cache:Ttl"] = "00:01:00";
        settings["Amas:Providers:Cache:MaxEntries"] = "100";
    }

    public static readonly TimeSpan CallerDayRetention = TimeSpan.FromHours(1);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddKeyedSingleton<TimeProvider>(ProviderServices.ClockKey, Clock);
        // A caller's day checks every second whether it may go, instead of every hour.
        services.Configure<global::Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}

[CollectionDefinition(Name)]
public sealed class BudgetCollection : ICollectionFixture<BudgetCluster>
{
    public const string Name = "providers, budgets and cache";
}
