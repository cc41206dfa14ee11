using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Performance;

/// <summary>Turns one file's rule hits into findings with positions, evidence and stable ids.</summary>
public static class PerformanceFindings
{
    public const string AgentName = "PerformanceAnalyzer";

    public const string Category = "performance";

    public static IReadOnlyList<Finding> Create<TSource>(
        SourceFile file,
        IEnumerable<(PerformanceRule<TSource> Rule, PerformanceHit Hit)> hits)
    {
        var lines = new LineMap(file.Text);

        // The occurrence index tells apart the same construct repeated in one member (two identical awaits in a loop).
        var seen = new Dictionary<(string, string), int>();
        var findings = new List<Finding>();
        foreach (var (rule, hit) in hits.OrderBy(h => h.Hit.Offset).ThenBy(h => h.Rule.Id, StringComparer.Ordinal))
        {
            var anchor = $"{hit.Member}|{hit.Construct}";
            var occurrence = seen.GetValueOrDefault((rule.Id, anchor));
            seen[(rule.Id, anchor)] = occurrence + 1;

            var line = lines.LineOf(hit.Offset);
            var start = lines.Count == 0 ? 0 : lines.StartOf(line);
            var end = lines.Count == 0 ? 0 : lines.EndOf(line, file.Text);
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(rule.Id, file.Path, anchor, occurrence),
                Agent = AgentName,
                Sources = [AgentName],
                Rule = rule.Id,
                Severity = rule.Severity,
                Category = Category,
                File = file.Path,
                Line = line,
                Column = hit.Offset - start + 1,
                Message = hit.Message,
                Evidence = file.Text[start..end].Trim(),
                Fix = rule.Fix,
            });
        }

        return findings;
    }
}
