using System.Globalization;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>What an OSINT run fetches: start URLs, keywords to count, and how many link levels to follow (0 = only the URLs).</summary>
public sealed record OsintRequest(IReadOnlyList<string> Urls, IReadOnlyList<string> Keywords, int Depth = 0)
{
    /// <summary>From task options as the gateway receives them; a missing or unparsable depth is 0.</summary>
    public static OsintRequest FromOptions(IEnumerable<string>? urls, IEnumerable<string>? keywords, string? depth) => new(
        urls?.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).ToList() ?? [],
        keywords?.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList() ?? [],
        int.TryParse(depth, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0);
}

/// <summary>One URL the run looked at, fetched or not.</summary>
public sealed record OsintPage
{
    public required string Url { get; init; }

    public required int Depth { get; init; }

    /// <summary>snake_case <see cref="FetchOutcome"/>: fetched, robots_disallowed, address_refused, too_large, …</summary>
    public required string Outcome { get; init; }

    public string? FinalUrl { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> Redirects { get; init; } = [];

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string> Links { get; init; } = [];

    public IReadOnlyList<string> Images { get; init; } = [];

    public IReadOnlyList<PageForm> Forms { get; init; } = [];

    public ExtractedEntities? Entities { get; init; }
}

/// <summary>Everything an OSINT run found: per page, and merged over all pages.</summary>
public sealed record OsintReport
{
    public required OsintRequest Request { get; init; }

    public required IReadOnlyList<OsintPage> Pages { get; init; }

    public required ExtractedEntities Entities { get; init; }

    /// <summary>Entity value → the first page URL it was seen on.</summary>
    public required IReadOnlyDictionary<string, string> FirstSeen { get; init; }

    public required IReadOnlyList<TermCount> Keywords { get; init; }

    public required IReadOnlyList<TermCount> TopTerms { get; init; }

    public required SentimentScore Sentiment { get; init; }

    public required IReadOnlyList<Amas.Orleans.Findings.Finding> Findings { get; init; }

    public int PagesFetched => Pages.Count(p => p.Outcome == "fetched" && p.StatusCode is >= 200 and < 300);

    public int Count(FetchOutcome outcome) => Pages.Count(p => p.Outcome == OsintCrawler.OutcomeName(outcome));
}
