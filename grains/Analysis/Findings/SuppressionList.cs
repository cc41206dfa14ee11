using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>A repository's suppressions as read, and the lines that were refused, each with a message saying why.</summary>
public sealed record SuppressionList(IReadOnlyList<SuppressionEntry> Entries, IReadOnlyList<string> Problems)
{
    public static SuppressionList None { get; } = new([], []);

    /// <summary>The first entry matching the finding, as its suppression; null when none does.</summary>
    public FindingSuppression? Match(Finding finding)
        => Entries.FirstOrDefault(e => e.Matches(finding))?.ToSuppression();
}
