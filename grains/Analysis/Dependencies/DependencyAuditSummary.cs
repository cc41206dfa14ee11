using System.Globalization;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>The one-paragraph account of an audit: what was read, what it was checked against, what failed.</summary>
public static class DependencyAuditSummary
{
    public static string Describe(DependencyAuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Manifests.Count == 0)
        {
            return "Found no dependency manifest.";
        }

        var read = string.Create(
            CultureInfo.InvariantCulture,
            $"Read {report.Dependencies.Count} dependencies from {report.Manifests.Count} manifests");
        if (report.ParseErrors > 0)
        {
            read += string.Create(CultureInfo.InvariantCulture, $" ({report.ParseErrors} could not be parsed)");
        }

        if (report.SourcesConfigured == 0)
        {
            return read + "; no advisory source is configured (Amas:Dependencies:AdvisoryDirectory or "
                + "Amas:Dependencies:OsvApiBaseUrl), so none were checked for vulnerabilities.";
        }

        if (report.Dependencies.Count == 0)
        {
            return read + ".";
        }

        var failures = report.SourceErrors.Count == 0 ? "" : " Advisory sources failed: " + string.Join("; ", report.SourceErrors) + ".";
        if (!report.Checked)
        {
            return read + "; no advisory source answered, so none were checked for vulnerabilities." + failures;
        }

        return read + string.Create(
            CultureInfo.InvariantCulture,
            $"; checked against {report.AdvisoriesLoaded} advisories: {report.VulnerableDependencies} vulnerable "
            + $"dependencies, {report.Findings.Count} findings.") + failures;
    }
}
