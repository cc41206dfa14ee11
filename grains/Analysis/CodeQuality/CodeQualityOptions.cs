using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Thresholds of the code-quality rules. A maximum is the largest value still accepted, a minimum the smallest;
/// each is checked at start-up and a value out of its range stops the silo with the key's name.
/// </summary>
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

    /// <summary>
    /// A function (or a file, rated on its functions' averages) whose maintainability index is below this is reported;
    /// 20 is where Visual Studio's green band starts. 0 turns the rule off.
    /// </summary>
    [Range(0, 100)]
    public int MinMaintainabilityIndex { get; set; } = 20;

    public bool ReportDuplicates { get; set; } = true;

    /// <summary>The fewest equal tokens (identifiers and literals normalised) that count as a copy.</summary>
    [Range(10, 100_000)]
    public int DuplicateMinTokens { get; set; } = 70;

    /// <summary>The fewest lines a copy must span, in each of its places.</summary>
    [Range(1, 100_000)]
    public int DuplicateMinLines { get; set; } = 6;
}
