using System.Text;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// Breadth-first, same-site crawl from the start URLs to the requested depth (same registrable domain, or the same
/// host for IP addresses and single-label names), one page at a time, then entities, keywords and sentiment over
/// everything fetched.
/// </summary>
public sealed class OsintCrawler(PageFetcher fetcher, EntityExtractor extractor, PublicSuffixList suffixes, OsintOptions options)
{
    public static string OutcomeName(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Fetched => "fetched",
        FetchOutcome.SchemeRefused => "scheme_refused",
        FetchOutcome.RobotsDisallowed => "robots_disallowed",
        FetchOutcome.AddressRefused => "address_refused",
        FetchOutcome.TooManyRedirects => "too_many_redirects",
        FetchOutcome.TooLarge => "too_large",
        FetchOutcome.Timeout => "timeout",
        FetchOutcome.HttpError => "http_error",
        _ => "network_error",
    };

    public async Task<OsintReport> CrawlAsync(OsintRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var depth = Math.Clamp(request.Depth, 0, options.MaxDepth);
        var pages = new List<OsintPage>();
        var queue = new Queue<(Uri Url, int Depth)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in request.Urls)
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var url))
            {
                pages.Add(new OsintPage { Url = raw, Depth = 0, Outcome = "invalid_url", Error = "not an absolute URL" });
                continue;
            }

            if (seen.Add(Key(url)))
            {
                queue.Enqueue((url, 0));
            }
        }

        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        var fetchedCount = 0;
        while (queue.TryDequeue(out var item) && fetchedCount < options.MaxPages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fetchedCount++;
            var result = await fetcher.FetchAsync(item.Url, cancellationToken);
            var page = new OsintPage
            {
                Url = item.Url.AbsoluteUri,
                Depth = item.Depth,
                Outcome = OutcomeName(result.Outcome),
                FinalUrl = result.FinalUrl.AbsoluteUri,
                StatusCode = result.StatusCode,
                Error = result.Error ?? (result.Outcome == FetchOutcome.Fetched && !result.Succeeded ? $"HTTP {result.StatusCode}" : null),
                Redirects = result.Redirects.Select(r => r.AbsoluteUri).ToList(),
            };
            if (result.Succeeded && result.Body is { } body)
            {
                page = Analyse(page, body, result.ContentType, result.FinalUrl, firstSeen);
                text.Append(page.Text).Append('\n');
                if (item.Depth < depth)
                {
                    foreach (var link in page.Links.Select(l => new Uri(l)))
                    {
                        if (PageFetcher.IsFetchableScheme(link) && SameSite(result.FinalUrl, link) && seen.Add(Key(link)))
                        {
                            queue.Enqueue((link, item.Depth + 1));
                        }
                    }
                }
            }

            pages.Add(page);
        }

        var entities = Merge(pages.Select(p => p.Entities).OfType<ExtractedEntities>());
        var all = text.ToString();
        // Contact details are entities, not words: "acme-example" from forty email addresses is not a top term.
        var tokens = TextTerms.Tokenize(TextTerms.WithoutAddresses(EntityExtractor.Deobfuscate(all)));
        var report = new OsintReport
        {
            Request = request with { Depth = depth },
            Pages = pages,
            Entities = entities,
            FirstSeen = firstSeen,
            Keywords = TextTerms.KeywordFrequency(all, request.Keywords),
            TopTerms = TextTerms.TopTerms(tokens, options.TopTerms),
            Sentiment = SentimentScorer.Score(tokens),
            Findings = [],
        };
        return report with { Findings = OsintFindings.Create(report) };
    }

    private OsintPage Analyse(OsintPage page, string body, string? contentType, Uri finalUrl, Dictionary<string, string> firstSeen)
    {
        var isHtml = contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase) || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase);
        var parsed = isHtml ? HtmlPageParser.Parse(body, finalUrl) : new ParsedPage(null, null, body, [], [], []);
        var mailto = parsed.Links.Where(l => l.Scheme == Uri.UriSchemeMailto).Select(l => Uri.UnescapeDataString(l.GetComponents(UriComponents.UserInfo | UriComponents.Host, UriFormat.Unescaped)));
        var tel = parsed.Links.Where(l => l.Scheme == "tel").Select(l => Uri.UnescapeDataString(l.OriginalString["tel:".Length..]));
        var entities = extractor.Extract(parsed.Text, mailto, tel);
        foreach (var value in entities.Emails.Concat(entities.Phones).Concat(entities.IPv4).Concat(entities.IPv6))
        {
            firstSeen.TryAdd(value, page.Url);
        }

        return page with
        {
            Title = parsed.Title,
            Description = parsed.Description,
            Text = parsed.Text,
            Links = parsed.Links.Select(l => l.AbsoluteUri).ToList(),
            Images = parsed.Images.Select(l => l.AbsoluteUri).ToList(),
            Forms = parsed.Forms,
            Entities = entities,
        };
    }

    private bool SameSite(Uri from, Uri to)
    {
        if (from.Host.Equals(to.Host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var site = suffixes.RegistrableDomain(from.Host);
        return site is not null && site == suffixes.RegistrableDomain(to.Host);
    }

    private static string Key(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    private static ExtractedEntities Merge(IEnumerable<ExtractedEntities> all)
    {
        var list = all.ToList();
        static List<string> Union(IEnumerable<IEnumerable<string>> sets) => sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new ExtractedEntities(
            Union(list.Select(e => e.Emails)), Union(list.Select(e => e.Phones)), Union(list.Select(e => e.Urls)),
            Union(list.Select(e => e.Domains)), Union(list.Select(e => e.IPv4)), Union(list.Select(e => e.IPv6)));
    }
}
