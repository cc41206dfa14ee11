using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Improvements;

/// <summary>The ImprovementAdvisor (configuration section <c>Amas:Improvements</c>).</summary>
public sealed class ImprovementOptions
{
    public const string SectionName = "Amas:Improvements";

    /// <summary>
    /// Plan items, highest score first, that get an AI-written rationale when a provider is configured: each is one
    /// provider call charged to the task's budget. 0 keeps every rationale rule-based.
    /// </summary>
    [Range(0, ImprovementPlanner.MaxItems)]
    public int MaxAiRationales { get; set; } = 8;
}
