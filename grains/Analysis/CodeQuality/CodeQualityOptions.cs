using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Thresholds of the code-quality rules; a value is the largest one that is still accepted.</summary>
public sealed class CodeQualityOptions
{
    public const string SectionName = "Amas:CodeQuality";

    [Range(1, 1000)]
    public int MaxCyclomaticComplexity { get; set; } = 10;

    [Range(1, 100_000)]
    public int MaxFunctionLines { get; set; } = 60;

    [Range(1, 100)]
    public int MaxNestingDepth { get; set; } = 4;

    public bool ReportTodos { get; set; } = true;
}
