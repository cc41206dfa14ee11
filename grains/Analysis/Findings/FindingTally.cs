using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>Counts findings by severity, category and agent, with snake_case keys in a stable order.</summary>
public static class FindingTally
{
    public static FindingCounts Count(IReadOnlyCollection<Finding> findings) => new()
    {
        Total = findings.Count,
        BySeverity = Tally(findings, f => f.Severity.ToString().ToLowerInvariant()),
        ByCategory = Tally(findings, f => f.Category),
        ByAgent = Tally(findings.SelectMany(f => f.Sources.Count > 0 ? f.Sources : [f.Agent]).ToArray(), a => a),
    };

    private static IReadOnlyDictionary<string, int> Tally<T>(IReadOnlyCollection<T> items, Func<T, string> key)
        => items.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
