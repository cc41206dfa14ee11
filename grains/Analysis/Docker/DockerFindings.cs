using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Turns rule violations of one file into findings with stable ids.</summary>
public static class DockerFindings
{
    public const string AgentName = "DockerMonitor";

    public const string Category = "docker";

    public static IReadOnlyList<Finding> Create(string path, IEnumerable<(string Rule, Severity Severity, DockerViolation Violation)> violations)
    {
        // The occurrence index tells apart the same rule on identical text twice in a file (two equal RUN lines).
        var seen = new Dictionary<(string, string), int>();
        var findings = new List<Finding>();
        foreach (var (rule, severity, violation) in violations.OrderBy(v => v.Violation.Line).ThenBy(v => v.Rule, StringComparer.Ordinal))
        {
            var key = (rule, violation.Anchor);
            var occurrence = seen.GetValueOrDefault(key);
            seen[key] = occurrence + 1;
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(rule, path, violation.Anchor, occurrence),
                Agent = AgentName,
                Sources = [AgentName],
                Rule = rule,
                Severity = severity,
                Category = Category,
                File = path,
                Line = violation.Line,
                EndLine = violation.EndLine,
                Message = violation.Message,
                Evidence = violation.Evidence,
                Fix = violation.Fix,
            });
        }

        return findings;
    }
}
