using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amas.Orleans.Agents;

namespace Amas.Orleans.Telemetry;

/// <summary>Agent runs on this silo: how many ended and how, how long they took, how many failed or timed out.</summary>
public sealed class AgentMetrics
{
    public const string Runs = "amas.agent.runs";
    public const string Duration = "amas.agent.run.duration";
    public const string Failures = "amas.agent.failures";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;

    public AgentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AmasTelemetry.MeterName);
        _runs = meter.CreateCounter<long>(Runs, "{run}", "Agent runs that ended, by agent and status.");
        _duration = meter.CreateHistogram<double>(Duration, "s", "How long an agent run took, by agent and status.");
        _failures = meter.CreateCounter<long>(Failures, "{run}", "Agent runs that failed or overran their deadline, by agent and status.");
    }

    public void RecordEnded(string agent, AgentRunStatus status, TimeSpan duration)
    {
        var tags = new TagList { { TelemetryTags.Agent, agent }, { TelemetryTags.Outcome, Names.Of(status) } };
        _runs.Add(1, tags);
        _duration.Record(Math.Max(0, duration.TotalSeconds), tags);
        if (status is AgentRunStatus.Failed or AgentRunStatus.TimedOut)
        {
            _failures.Add(1, tags);
        }
    }
}
