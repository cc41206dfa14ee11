using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// Merges what several agents reported (design §3, ConflictResolver). First, one finding per fingerprint. Then, in
/// each file, reports of different agents are taken for one problem when they are at the same line in the same
/// category (by place), or when they stand for the same concept of <see cref="FindingConcepts"/> at overlapping lines
/// (by meaning). Lines must overlap, Line to EndLine, with no tolerance: ranges already cover multi-line
/// instructions, and a line of slack would join two different secrets on neighbouring lines. Two findings of the same
/// agent are never merged with each other: that agent saw two problems. A merged finding keeps the id of one report
/// (the authoritative agent's, else the most severe), gets its severity from <see cref="SeverityRules"/>, lists every
/// source agent, and records how it was resolved; when one of its reports was suppressed, so is the problem.
/// </summary>
public static class FindingMerger
{
    public static MergeResult Merge(IEnumerable<Finding> findings)
    {
        var input = findings.ToArray();
        var byId = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var finding in input)
        {
            byId[finding.Id] = byId.TryGetValue(finding.Id, out var seen) ? SameFinding(seen, finding) : finding;
        }

        var merged = new List<Finding>();
        var conflicts = 0;
        foreach (var file in byId.Values.GroupBy(f => f.File))
        {
            var clusters = new List<Cluster>();
            foreach (var finding in file
                .OrderBy(f => f.Line ?? 0)
                .ThenByDescending(f => f.Severity)
                .ThenBy(f => f.Agent, StringComparer.Ordinal)
                .ThenBy(f => f.Rule, StringComparer.Ordinal)
                .ThenBy(f => f.Id, StringComparer.Ordinal))
            {
                var member = new Member(finding, FindingConcepts.Of(finding));
                if (clusters.FirstOrDefault(c => c.Accepts(member)) is { } cluster)
                {
                    cluster.Add(member);
                }
                else
                {
                    clusters.Add(new Cluster(member));
                }
            }

            foreach (var cluster in clusters)
            {
                if (cluster.Members.Count == 1)
                {
                    merged.Add(cluster.Members[0].Finding);
                    continue;
                }

                var (resolved, settled) = Resolve(cluster);
                merged.Add(resolved);
                conflicts += settled ? 1 : 0;
            }
        }

        var result = merged
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();
        return new MergeResult(result, input.Length - result.Length, conflicts);
    }

    private static (Finding Finding, bool Settled) Resolve(Cluster cluster)
    {
        var reports = cluster.Members.Select(m => m.Finding).ToArray();
        var concepts = cluster.Members.Select(m => m.Concept).Distinct().ToArray();
        var concept = concepts.Length == 1 ? concepts[0] : null;
        var categories = reports.Select(r => r.Category).Distinct(StringComparer.Ordinal).ToArray();
        var authority = concept?.Authority
            ?? (categories.Length == 1 ? FindingConcepts.CategoryAuthorities.GetValueOrDefault(categories[0]) : null);
        var severityCase = new SeverityCase(reports, concept, authority);
        var (rule, decision) = SeverityRules.Settle(severityCase);

        var lead = severityCase.AuthorityReport ?? reports
            .OrderByDescending(r => r.Severity)
            .ThenBy(r => r.Agent, StringComparer.Ordinal)
            .ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .First();
        var others = reports.Where(r => !ReferenceEquals(r, lead))
            .OrderBy(r => r.Agent, StringComparer.Ordinal)
            .ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToArray();
        var resolved = lead with
        {
            Severity = decision.Severity,
            Sources = SourcesOf(lead).Concat(others.SelectMany(SourcesOf)).Distinct(StringComparer.Ordinal).ToArray(),
            Fix = lead.Fix ?? others.Select(f => f.Fix).FirstOrDefault(f => f is not null),
            Suppression = lead.Suppression ?? others.Select(f => f.Suppression).FirstOrDefault(s => s is not null),
            Resolution = new FindingResolution
            {
                Concept = concept?.Name,
                SeverityRule = rule.Name,
                Reason = decision.Reason,
                From = [.. others.Prepend(lead).SelectMany(Reports)],
            },
        };
        return (resolved, rule.Name != SeverityRules.Agreed);
    }

    private static IEnumerable<MergedFinding> Reports(Finding finding)
        => finding.Resolution?.From ??
        [
            new MergedFinding { Agent = finding.Agent, Rule = finding.Rule, Severity = finding.Severity, Id = finding.Id, Line = finding.Line },
        ];

    private static IReadOnlyList<string> SourcesOf(Finding finding)
        => finding.Sources.Count > 0 ? finding.Sources : [finding.Agent];

    /// <summary>One fingerprint reported twice (an agent's report read twice): one finding, the higher severity.</summary>
    private static Finding SameFinding(Finding seen, Finding again) => seen with
    {
        Severity = seen.Severity >= again.Severity ? seen.Severity : again.Severity,
        Sources = SourcesOf(seen).Concat(SourcesOf(again)).Distinct(StringComparer.Ordinal).ToArray(),
        Fix = seen.Fix ?? again.Fix,
        Suppression = seen.Suppression ?? again.Suppression,
    };

    private sealed record Member(Finding Finding, FindingConcept? Concept);

    private sealed class Cluster
    {
        private readonly HashSet<string> _agents = new(StringComparer.Ordinal);

        public Cluster(Member first) => Add(first);

        public List<Member> Members { get; } = [];

        public void Add(Member member)
        {
            Members.Add(member);
            _agents.UnionWith(SourcesOf(member.Finding));
        }

        public bool Accepts(Member candidate)
            => !SourcesOf(candidate.Finding).Any(_agents.Contains)
                && Members.Exists(m => SamePlace(m.Finding, candidate.Finding) || SameMeaning(m, candidate));

        private static bool SamePlace(Finding a, Finding b)
            => a.Line == b.Line && string.Equals(a.Category, b.Category, StringComparison.Ordinal);

        private static bool SameMeaning(Member a, Member b)
            => a.Concept is not null && ReferenceEquals(a.Concept, b.Concept) && Overlap(a.Finding, b.Finding);

        /// <summary>Line ranges (Line to EndLine) share a line; two findings on the whole file (no line) overlap.</summary>
        private static bool Overlap(Finding a, Finding b)
            => (a.Line, b.Line) switch
            {
                (null, null) => true,
                ({ } startA, { } startB) => startA <= End(b, startB) && startB <= End(a, startA),
                _ => false,
            };

        private static int End(Finding finding, int start) => finding.EndLine is { } end && end > start ? end : start;
    }
}

/// <param name="Findings">The merged findings, most severe first.</param>
/// <param name="Merged">How many input findings were folded into others.</param>
/// <param name="SeverityConflicts">How many merged findings came from reports that disagreed on the severity.</param>
public sealed record MergeResult(IReadOnlyList<Finding> Findings, int Merged, int SeverityConflicts = 0);
