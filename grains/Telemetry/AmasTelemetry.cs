using System.Diagnostics;

namespace Amas.Orleans.Telemetry;

/// <summary>
/// The names hosts subscribe to: one activity source per area (a task and its layers, agent runs, provider calls)
/// and one meter for every Amas instrument.
/// </summary>
public static class AmasTelemetry
{
    public const string OrchestrationSourceName = "Amas.Orleans.Orchestration";
    public const string AgentsSourceName = "Amas.Orleans.Agents";
    public const string ProvidersSourceName = "Amas.Orleans.Providers";
    public const string MeterName = "Amas.Orleans";

    public static readonly IReadOnlyList<string> ActivitySourceNames = [OrchestrationSourceName, AgentsSourceName, ProvidersSourceName];

    internal static readonly ActivitySource Orchestration = new(OrchestrationSourceName);
    internal static readonly ActivitySource Agents = new(AgentsSourceName);
    internal static readonly ActivitySource Providers = new(ProvidersSourceName);
}
