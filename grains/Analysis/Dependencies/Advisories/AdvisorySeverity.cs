using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Maps a CVSS score or a database's own label to the finding severities.</summary>
public static class AdvisorySeverity
{
    public static Severity FromScore(double score) => score switch
    {
        >= 9 => Severity.Critical,
        >= 7 => Severity.High,
        >= 4 => Severity.Medium,
        _ => Severity.Low,
    };

    /// <summary>GitHub's "MODERATE", RustSec's and Ubuntu's words; null when the label means nothing to us.</summary>
    public static Severity? FromLabel(string? label) => label?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => Severity.Critical,
        "HIGH" or "IMPORTANT" => Severity.High,
        "MODERATE" or "MEDIUM" => Severity.Medium,
        "LOW" or "NEGLIGIBLE" => Severity.Low,
        _ => null,
    };
}
