namespace Amas.Orleans.Providers.Configuration;

/// <summary><c>Amas:Providers:CircuitBreaker</c>: when a provider's circuit opens and how it closes again.</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive failures that open the circuit.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>Failures over calls in the sampling window that open the circuit, once <see cref="MinimumThroughput"/> calls were seen.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>How many recent calls the failure ratio looks at.</summary>
    public int SamplingCalls { get; set; } = 20;

    public int MinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit rejects calls before it lets probes through (half-open).</summary>
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Successful probes that close a half-open circuit; also the most probes in flight at once.</summary>
    public int HalfOpenSuccesses { get; set; } = 2;
}
