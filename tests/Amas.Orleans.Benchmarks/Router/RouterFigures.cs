namespace Amas.Orleans.Benchmarks.Router;

/// <summary>Everything the router benchmark measured in one run.</summary>
public sealed record RouterFigures(
    bool Smoke,
    int Calls,
    int FailoverCalls,
    TimeSpan SlowProviderTimeout,
    Latencies Direct,
    Latencies ProviderGrain,
    Latencies Router,
    Latencies RouterWithBudget,
    Latencies FailoverCircuitClosed,
    Latencies FailoverCircuitOpen,
    string LoadAverage,
    string Commit,
    DateTimeOffset At)
{
    /// <summary>The router's added latency per call: its p50 (p99) over the direct HTTP call's.</summary>
    public double OverheadP50 => Router.P50 - Direct.P50;

    public double OverheadP99 => Router.P99 - Direct.P99;

    public bool OverheadTargetMet => OverheadP50 < 1.0;

    /// <summary>With the circuit open the router skips the failing provider, so the answer should take one healthy call (10% noise allowed).</summary>
    public bool OpenCircuitTargetMet => FailoverCircuitOpen.P50 <= Router.P50 * 1.1;
}
