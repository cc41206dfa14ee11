using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// Counts findings by severity, category and agent, with snake_case keys in a stable order. Suppressed findings are
/// counted apart, never in the totals: a suppression says the problem is accepted.
/// </summary>
public static class FindingTally
{
    public static FindingCounts Count(IReadOnlyCollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var live = findings.Where(f => f.Suppression is null).ToArray();
        return new()
        {
            Total = live.Length,
            BySeverity = Tally(live, f => f.Severity.ToString().ToLowerInvariant()),
            ByCategory = Tally(live, f => f.Category),
            ByAgent = Tally(live.SelectMany(f => f.Sources.Count > 0 ? f.Sources : [f.Agent]).ToArray(), a => a),
            Suppressed = findings.Count - live.Length,
        };
    }

    private static IReadOnlyDictionary<string, int> Tally<T>(IReadOnlyCollection<T> items, Func<T, string> key)
        => items.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
