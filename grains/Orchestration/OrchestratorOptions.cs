using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Orchestration;

/// <summary>Deadlines and limits of task runs (configuration section <c>Amas:Orchestrator</c>).</summary>
public sealed class OrchestratorOptions
{
    public const string SectionName = "Amas:Orchestrator";

    /// <summary>How long an agent may run when <see cref="AgentTimeouts"/> names no other limit.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan DefaultAgentTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Per-agent limits by agent name, overriding <see cref="DefaultAgentTimeout"/>.</summary>
    public Dictionary<string, TimeSpan> AgentTimeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A task's overall deadline when the submission names none.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DefaultTaskTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a running task checks its agents' deadlines.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an agent that has not called back is asked for its report (lost-callback safety net).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan AgentPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Agent runs at once on one silo; the rest wait, so analysis cannot starve the silo's own work.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentAgentRuns { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Period of the reminder each running task keeps: the last way back when a silo dies and nothing else
    /// re-activates the task. Membership-driven recovery is faster; this is the backstop.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RecoveryReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tasks running at once in the whole cluster; the rest wait in the admission queue by priority.</summary>
    [Range(1, 100_000)]
    public int MaxRunningTasks { get; set; } = 32;

    /// <summary>
    /// How often the admission queue asks its running tasks whether they ended without releasing their slot (a purged
    /// task, a lost release), so that slots never leak.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan AdmissionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AgentTimeout(string agent)
        => AgentTimeouts.TryGetValue(agent, out var timeout) ? timeout : DefaultAgentTimeout;
}
