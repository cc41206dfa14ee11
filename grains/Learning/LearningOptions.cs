using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Learning;

/// <summary>The LearningSystem and the per-silo tallies behind it (configuration section <c>Amas:Learning</c>).</summary>
public sealed class LearningOptions
{
    public const string SectionName = "Amas:Learning";

    /// <summary>How often each silo adds what it tallied to the cluster's views (LearningSystem, WorkflowMonitor).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Succeeded runs on a kind of repository, all without findings, after which the DecisionEngine skips a detection
    /// agent for that kind at the depths in <see cref="SkipAtDepths"/>.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MinRunsBeforeSkip { get; set; } = 10;

    /// <summary>The task depths at which history may skip an agent; deeper analyses always run every agent.</summary>
    public List<string> SkipAtDepths { get; set; } = ["surface"];

    /// <summary>Calls of a provider for one kind of prompt before the <c>intelligent</c> router gives that history full weight.</summary>
    [Range(1, 1_000_000)]
    public int ProviderHistoryCalls { get; set; } = 10;
}
