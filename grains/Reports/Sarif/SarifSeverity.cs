using System.Globalization;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Reports.Sarif;

/// <summary>How our five severities map onto SARIF's three levels and GitHub's numeric security severity.</summary>
internal static class SarifSeverity
{
    /// <summary>Categories whose findings are security problems, so their rules carry a <c>security-severity</c>.</summary>
    public static readonly IReadOnlySet<string> SecurityCategories =
        new HashSet<string>(["security", "secrets", "dependencies", "vulnerabilities"], StringComparer.Ordinal);

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>
    /// GitHub code scanning reads <c>security-severity</c> as a CVSS-like score in a string and buckets it
    /// (9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low); each value sits inside its bucket.
    /// </summary>
    public static string SecurityScore(Severity severity) => (severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 2.0,
        _ => 0.0,
    }).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
