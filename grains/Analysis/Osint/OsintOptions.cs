using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>How the OSINT agent fetches pages: limits, politeness and which networks it may reach.</summary>
public sealed class OsintOptions
{
    public const string SectionName = "Amas:Osint";

    /// <summary>The named HttpClient the fetcher asks <c>IHttpClientFactory</c> for.</summary>
    public const string HttpClientName = "Amas.Osint";

    /// <summary>Sent with every request; its first token is also the product token matched against robots.txt groups.</summary>
    [Required]
    public string UserAgent { get; set; } = "AmasOsint/1.0 (+https://github.com/amas/amas-orleans; research crawler)";

    /// <summary>Per request, headers and body together.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 20;

    /// <summary>A body larger than this is abandoned while streaming, not truncated.</summary>
    [Range(1024, 100_000_000)]
    public long MaxResponseBytes { get; set; } = 5_000_000;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Upper bound on pages per run, whatever the depth.</summary>
    [Range(1, 10_000)]
    public int MaxPages { get; set; } = 50;

    [Range(0, 10)]
    public int MaxDepth { get; set; } = 3;

    /// <summary>Minimum spacing between two requests to the same host.</summary>
    [Range(0, 60_000)]
    public int PerHostIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Allows loopback addresses (tests, single-node tooling). Off in production.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allows private, link-local, unique-local and CGNAT addresses. Off in production.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Single addresses allowed whatever their kind (a known internal host, a test server).</summary>
    public IList<string> AllowedAddresses { get; init; } = [];

    /// <summary>
    /// Networks in CIDR notation (<c>127.0.0.0/8</c>, <c>10.20.0.0/16</c>) allowed whatever their kind. None by
    /// default: only public addresses are fetched.
    /// </summary>
    public IList<string> AllowedNetworks { get; init; } = [];

    /// <summary>ISO 3166 region for phone numbers written without a country code.</summary>
    [Required]
    public string DefaultPhoneRegion { get; set; } = "US";

    [Required]
    public string PublicSuffixListPath { get; set; } = "/usr/share/publicsuffix/public_suffix_list.dat";

    [Range(1, 500)]
    public int TopTerms { get; set; } = 20;
}
