using Amas.Orleans.Agents;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Telemetry;

/// <summary>Enum values as the API spells them (snake_case), for low-cardinality tags.</summary>
internal static class Names
{
    public static string Of(TaskLifecycle lifecycle) => lifecycle.ToString().ToLowerInvariant();

    public static string Of(AgentRunStatus status) => status switch
    {
        AgentRunStatus.TimedOut => "timed_out",
        _ => status.ToString().ToLowerInvariant(),
    };
}
