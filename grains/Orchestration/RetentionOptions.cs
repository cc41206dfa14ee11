using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Orchestration;

/// <summary>How long finished work is kept (configuration section <c>Amas:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Amas:Retention";

    /// <summary>A finished task, its agents' reports and its index row are deleted this long after it ended.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan FinishedTasks { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A checkout in the silo's cache not used for this long is deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Checkouts { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
