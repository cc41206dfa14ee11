using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// One finding per duplicated region, naming the places it repeats (the first three, then how many more). Low;
/// Medium when the region is at least four times the configured token minimum.
/// </summary>
internal static class DuplicateCodeFindings
{
    private const int NamedPlaces = 3;

    public static List<Finding> From(IEnumerable<DuplicateRegion> regions, int minTokens)
    {
        var findings = new List<Finding>();
        var seen = new Dictionary<(string Path, string Anchor), int>();
        foreach (var region in regions)
        {
            var key = (region.Path, region.Anchor);
            var occurrence = seen[key] = seen.GetValueOrDefault(key, -1) + 1;
            findings.Add(For(region, occurrence, minTokens));
        }

        return findings;
    }

    private static Finding For(DuplicateRegion region, int occurrence, int minTokens)
    {
        var span = region.Span;
        var named = string.Join(", ", region.Others.Take(NamedPlaces));
        var more = region.Others.Count - NamedPlaces;
        var places = more > 0 ? $"{named} and {more} more {(more == 1 ? "place" : "places")}" : named;
        return new Finding
        {
            Id = FindingFingerprint.Create(CodeQualityRuleIds.DuplicateCode, region.Path, region.Anchor, occurrence),
            Agent = CodeQualityRules.AgentName,
            Rule = CodeQualityRuleIds.DuplicateCode,
            Severity = span.Tokens >= 4 * minTokens ? Severity.Medium : Severity.Low,
            Category = CodeQualityRules.Category,
            File = region.Path,
            Line = span.FirstLine,
            EndLine = span.LastLine,
            Message = $"Lines {span.FirstLine}-{span.LastLine} ({span.Tokens} tokens) repeat code found at {places}.",
            Evidence = $"{span.Tokens} tokens on {span.Lines} lines, {region.Others.Count} other "
                + (region.Others.Count == 1 ? "place" : "places"),
            Fix = "Move the shared code into one function or module and call it from each place.",
            Sources = [CodeQualityRules.AgentName],
        };
    }
}
