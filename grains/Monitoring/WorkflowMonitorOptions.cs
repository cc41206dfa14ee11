using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Monitoring;

/// <summary>Alert thresholds of the workflow monitor (configuration section <c>Amas:Monitoring</c>).</summary>
public sealed class WorkflowMonitorOptions
{
    public const string SectionName = "Amas:Monitoring";

    /// <summary>An alert when fewer tasks than this share succeed in the window.</summary>
    [Range(0.0, 1.0)]
    public double MinSuccessRate { get; set; } = 0.95;

    /// <summary>An alert when tasks take longer than this on average, submission to end.</summary>
    [Range(0.001, 7 * 24 * 3600.0)]
    public double MaxResponseSeconds { get; set; } = 300;

    /// <summary>An alert when more tasks than this share fail in the window.</summary>
    [Range(0.0, 1.0)]
    public double MaxErrorRate { get; set; } = 0.05;
}
