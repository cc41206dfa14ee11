using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Where the DependencyAuditor finds advisories. With neither source set the agent still lists dependencies but
/// reports that it had nothing to check them against.
/// </summary>
public sealed class DependencyAuditOptions
{
    public const string SectionName = "Amas:Dependencies";

    /// <summary>The named HttpClient the OSV API client asks <c>IHttpClientFactory</c> for.</summary>
    public const string HttpClientName = "Amas.Dependencies.Osv";

    /// <summary>A local directory of OSV JSON records (offline audits); null = not used.</summary>
    public string? AdvisoryDirectory { get; set; }

    /// <summary>Base URL of an OSV API ("https://api.osv.dev"); null = off, so no audit calls out unless asked to.</summary>
    [Url]
    public string? OsvApiBaseUrl { get; set; }

    /// <summary>Per HTTP request to the OSV API.</summary>
    [Range(1, 600)]
    public int ApiTimeoutSeconds { get; set; } = 30;

    [Range(1, 1000)]
    public int ApiBatchSize { get; set; } = 1000;

    [Range(1, 32)]
    public int ApiConcurrency { get; set; } = 4;

    /// <summary>Manifests larger than this are skipped and counted: real ones are far smaller.</summary>
    [Range(typeof(long), "1", "1000000000")]
    public long MaxManifestBytes { get; set; } = 50_000_000;
}
