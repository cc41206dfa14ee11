using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// Merges what several agents reported (design §3, ConflictResolver). First, one finding per fingerprint. Then
/// findings of different agents at the same file, line and category are taken to describe the same problem: they
/// become one finding with the highest severity among them, every source agent listed. Two findings of the same
/// agent are never merged with each other: that agent saw two problems.
/// </summary>
public static class FindingMerger
{
    public static MergeResult Merge(IEnumerable<Finding> findings)
    {
        var input = findings.ToArray();
        var byId = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var finding in input)
        {
            byId[finding.Id] = byId.TryGetValue(finding.Id, out var seen) ? Combine(seen, [finding]) : finding;
        }

        var merged = new List<Finding>();
        foreach (var group in byId.Values.GroupBy(f => (f.File, f.Line, f.Category)))
        {
            // Highest severity first, so each cluster is led by the finding whose severity it keeps.
            var ordered = group
                .OrderByDescending(f => f.Severity)
                .ThenBy(f => f.Agent, StringComparer.Ordinal)
                .ThenBy(f => f.Rule, StringComparer.Ordinal)
                .ThenBy(f => f.Id, StringComparer.Ordinal);

            var clusters = new List<List<Finding>>();
            foreach (var finding in ordered)
            {
                var agents = SourcesOf(finding);
                var cluster = clusters.FirstOrDefault(c => !c.SelectMany(SourcesOf).Intersect(agents, StringComparer.Ordinal).Any());
                if (cluster is null)
                {
                    clusters.Add([finding]);
                }
                else
                {
                    cluster.Add(finding);
                }
            }

            merged.AddRange(clusters.Select(c => Combine(c[0], c.Skip(1))));
        }

        var result = merged
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();
        return new MergeResult(result, input.Length - result.Length);
    }

    private static IReadOnlyList<string> SourcesOf(Finding finding)
        => finding.Sources.Count > 0 ? finding.Sources : [finding.Agent];

    private static Finding Combine(Finding lead, IEnumerable<Finding> others)
    {
        var rest = others.ToArray();
        var sources = SourcesOf(lead).Concat(rest.SelectMany(SourcesOf)).Distinct(StringComparer.Ordinal).ToArray();
        var severity = rest.Select(f => f.Severity).Append(lead.Severity).Max();
        return lead with
        {
            Severity = severity,
            Sources = sources,
            Fix = lead.Fix ?? rest.Select(f => f.Fix).FirstOrDefault(f => f is not null),
        };
    }
}

/// <param name="Findings">The merged findings, most severe first.</param>
/// <param name="Merged">How many input findings were folded into others.</param>
public sealed record MergeResult(IReadOnlyList<Finding> Findings, int Merged);
