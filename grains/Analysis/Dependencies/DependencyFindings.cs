using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Turns vulnerabilities into findings with stable ids.</summary>
public static class DependencyFindings
{
    public const string AgentName = "DependencyAuditor";

    public const string Category = "dependencies";

    public static IReadOnlyList<Finding> Create(IEnumerable<Vulnerability> vulnerabilities)
    {
        ArgumentNullException.ThrowIfNull(vulnerabilities);
        // The same package at the same version declared twice in one file (two ItemGroups) keeps two distinct ids.
        var seen = new Dictionary<(string, string, string), int>();
        var findings = new List<Finding>();
        foreach (var v in vulnerabilities
            .OrderBy(v => v.Dependency.File, StringComparer.Ordinal)
            .ThenBy(v => v.Dependency.Line)
            .ThenBy(v => v.Advisory.Id, StringComparer.Ordinal))
        {
            var dependency = v.Dependency;
            var key = (v.Advisory.Id, dependency.File, dependency.Coordinates);
            var occurrence = seen.GetValueOrDefault(key);
            seen[key] = occurrence + 1;
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(v.Advisory.Id, dependency.File, dependency.Coordinates, occurrence),
                Agent = AgentName,
                Sources = [AgentName],
                Rule = v.Advisory.Id,
                Severity = v.Advisory.Severity,
                Category = Category,
                File = dependency.File,
                Line = dependency.Line,
                Message = $"{dependency.Name} {dependency.Version} is affected by {v.Advisory.Id}: {v.Advisory.Title}",
                Evidence = v.Advisory.Aliases.Count == 0
                    ? dependency.Coordinates
                    : $"{dependency.Coordinates} (also known as {string.Join(", ", v.Advisory.Aliases)})",
                Fix = string.IsNullOrEmpty(v.FirstFixed) ? null : $"upgrade to {v.FirstFixed}",
            });
        }

        return findings;
    }
}
