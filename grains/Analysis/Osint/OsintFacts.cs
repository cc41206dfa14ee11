using System.Globalization;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// An OSINT report as named facts for the task's result: what was fetched, the entities merged over all pages, the
/// keyword counts, the top terms and the sentiment with its method. Page text stays out: it can be large.
/// </summary>
public static class OsintFacts
{
    public const int TopTermsListed = 10;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(OsintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["pages"] = [.. report.Pages.Select(Page)],
            ["emails"] = report.Entities.Emails,
            ["phones"] = report.Entities.Phones,
            ["urls"] = report.Entities.Urls,
            ["domains"] = report.Entities.Domains,
            ["ipv4"] = report.Entities.IPv4,
            ["ipv6"] = report.Entities.IPv6,
            ["keywords"] = [.. report.Keywords.Select(Count)],
            ["top_terms"] = [.. report.TopTerms.Take(TopTermsListed).Select(Count)],
            ["sentiment"] = [string.Create(CultureInfo.InvariantCulture, $"{report.Sentiment.Label} {report.Sentiment.Score:0.###}")],
            ["sentiment_method"] = [report.Sentiment.Method],
        };
    }

    /// <summary><c>http://site/about.html depth 1: fetched, HTTP 200, "About Acme"</c>.</summary>
    private static string Page(OsintPage page)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{page.Url} depth {page.Depth}: {page.Outcome}");
        if (page.StatusCode is { } status)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", HTTP {status}");
        }

        if (page.Error is { Length: > 0 } error && page.Outcome != "fetched")
        {
            text += $" ({error})";
        }

        return page.Title is { Length: > 0 } title ? $"{text}, \"{title}\"" : text;
    }

    private static string Count(TermCount term) => string.Create(CultureInfo.InvariantCulture, $"{term.Term}: {term.Count}");
}
