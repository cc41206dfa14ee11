using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amas.Orleans.Providers;

namespace Amas.Orleans.Telemetry;

/// <summary>
/// Provider calls from this silo: count, latency and errors by provider and outcome, tokens used, and each
/// provider's circuit as last seen here (0 closed, 1 half-open, 2 open).
/// </summary>
public sealed class ProviderMetrics
{
    public const string Calls = "amas.provider.calls";
    public const string Duration = "amas.provider.call.duration";
    public const string Errors = "amas.provider.errors";
    public const string Tokens = "amas.provider.tokens";
    public const string Circuit = "amas.provider.circuit.state";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _tokens;
    private readonly ConcurrentDictionary<string, CircuitState> _circuits = new(StringComparer.Ordinal);

    public ProviderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AmasTelemetry.MeterName);
        _calls = meter.CreateCounter<long>(Calls, "{call}", "Calls to a provider, by provider and outcome (refusals from its own health included).");
        _duration = meter.CreateHistogram<double>(Duration, "s", "Latency of provider calls that reached the provider, by provider and outcome.");
        _errors = meter.CreateCounter<long>(Errors, "{call}", "Provider calls that did not succeed, by provider and outcome.");
        _tokens = meter.CreateCounter<long>(Tokens, "{token}", "Tokens the providers reported, by provider and type (input, output).");
        meter.CreateObservableGauge(Circuit, ObserveCircuits, "{state}", "Each provider's circuit as last seen on this silo: 0 closed, 1 half-open, 2 open.");
    }

    public void RecordCall(ProviderCallResult result, CircuitState circuit)
    {
        var outcome = new TagList { { TelemetryTags.Provider, result.Provider }, { TelemetryTags.Outcome, OutcomeNames.Of(result.Outcome) } };
        _calls.Add(1, outcome);
        if (result.Called)
        {
            _duration.Record(result.Latency.TotalSeconds, outcome);
        }

        if (!result.IsSuccess && result.Outcome != ProviderOutcome.Cancelled)
        {
            _errors.Add(1, outcome);
        }

        if (result.PromptTokens > 0)
        {
            _tokens.Add(result.PromptTokens, new TagList { { TelemetryTags.Provider, result.Provider }, { TelemetryTags.TokenType, "input" } });
        }

        if (result.CompletionTokens > 0)
        {
            _tokens.Add(result.CompletionTokens, new TagList { { TelemetryTags.Provider, result.Provider }, { TelemetryTags.TokenType, "output" } });
        }

        _circuits[result.Provider] = circuit;
    }

    private IEnumerable<Measurement<int>> ObserveCircuits()
        => _circuits.Select(p => new Measurement<int>(
            p.Value switch { CircuitState.Closed => 0, CircuitState.HalfOpen => 1, _ => 2 },
            new KeyValuePair<string, object?>(TelemetryTags.Provider, p.Key)));
}
