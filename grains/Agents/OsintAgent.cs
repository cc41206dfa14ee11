using System.Globalization;
using Amas.Orleans.Analysis.Osint;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Fetches pages (robots.txt, rate limits, size caps, no private addresses), follows same-site links to the requested
/// depth and reports contact details, addresses, domains, keyword counts and a sentiment score.
/// </summary>
public sealed partial class OsintAgent : IAgent, IAsyncDisposable
{
    private readonly OsintOptions _options;
    private readonly IOsintInputs _inputs;
    private readonly IOsintReportSink? _sink;
    private readonly Lazy<PageFetcher> _fetcher;
    private readonly Lazy<(EntityExtractor Extractor, PublicSuffixList Suffixes)> _text;
    private readonly ILogger _logger;

    public OsintAgent(
        IOptions<OsintOptions> options,
        IHttpClientFactory httpClientFactory,
        IOsintInputs? inputs = null,
        IOsintReportSink? sink = null,
        ILogger<OsintAgent>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _inputs = inputs ?? DelegateOsintInputs.None;
        _sink = sink;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        // The fetcher lives as long as the agent so the per-host rate limit and the robots.txt cache span runs. It is
        // made on first use: the registry builds every agent when a silo's first orchestrator activates, and the
        // resilience pipeline behind the client has no business on that path.
        _fetcher = new(() => new PageFetcher(httpClientFactory.CreateClient(OsintOptions.HttpClientName), _options));
        _text = new(() =>
        {
            var suffixes = PublicSuffixList.Load(_options.PublicSuffixListPath);
            return (new EntityExtractor(suffixes, _options.DefaultPhoneRegion), suffixes);
        });
    }

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = OsintFindings.AgentName,
        Layer = 1,
        Description = "Fetches the given URLs and same-site links to a depth (robots.txt honoured, rate-limited, no "
            + "private addresses), extracts title, text, links, images and forms, emails, phone numbers (E.164), URLs, "
            + "domains, IP addresses, keyword frequencies and a lexicon sentiment score.",
        Capabilities = ["osint"],
        ReadsRepository = false,
    };

    /// <summary>Raised before each request leaves; for tracing and tests.</summary>
    public event Action<Uri, DateTimeOffset>? RequestSending
    {
        add => _fetcher.Value.RequestSending += value;
        remove => _fetcher.Value.RequestSending -= value;
    }

    /// <summary>The full structured report for a request (what <see cref="RunAsync"/> condenses into an agent result).</summary>
    public Task<OsintReport> AnalyzeAsync(OsintRequest request, CancellationToken cancellationToken)
    {
        var (extractor, suffixes) = _text.Value;
        return new OsintCrawler(_fetcher.Value, extractor, suffixes, _options).CrawlAsync(request, cancellationToken);
    }

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = _inputs.Resolve(context);
        if (request is null || request.Urls.Count == 0)
        {
            return AgentResult.Empty("no URLs to fetch");
        }

        var report = await AnalyzeAsync(request, cancellationToken);
        LogCrawled(_logger, context.TaskId, report.Pages.Count, report.PagesFetched);
        if (_sink is not null)
        {
            await _sink.StoreAsync(context.TaskId, report, cancellationToken);
        }

        return ToResult(report);
    }

    public static AgentResult ToResult(OsintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = new Dictionary<string, double>
        {
            ["pages"] = report.Pages.Count,
            ["pages_fetched"] = report.PagesFetched,
            ["pages_robots_disallowed"] = report.Count(FetchOutcome.RobotsDisallowed),
            ["pages_address_refused"] = report.Count(FetchOutcome.AddressRefused),
            ["pages_too_large"] = report.Count(FetchOutcome.TooLarge),
            ["emails"] = report.Entities.Emails.Count,
            ["phones"] = report.Entities.Phones.Count,
            ["urls"] = report.Entities.Urls.Count,
            ["domains"] = report.Entities.Domains.Count,
            ["ip_addresses"] = report.Entities.IPv4.Count + report.Entities.IPv6.Count,
            ["keyword_hits"] = report.Keywords.Sum(k => k.Count),
            ["sentiment_score"] = report.Sentiment.Score,
            ["findings"] = report.Findings.Count,
        };
        var keywords = report.Keywords.Count == 0 ? "none requested"
            : string.Join(", ", report.Keywords.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Term} ×{k.Count}")));
        var top = string.Join(", ", report.TopTerms.Take(10).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Term} ×{t.Count}")));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Fetched {report.PagesFetched} of {report.Pages.Count} pages (depth {report.Request.Depth}). ")
            + $"Emails: {Join(report.Entities.Emails)}. Phones: {Join(report.Entities.Phones)}. "
            + $"Domains: {Join(report.Entities.Domains)}. IPs: {Join([.. report.Entities.IPv4, .. report.Entities.IPv6])}. "
            + $"Keywords: {keywords}. Top terms: {(top.Length == 0 ? "none" : top)}. "
            + string.Create(CultureInfo.InvariantCulture, $"Sentiment {report.Sentiment.Label} ({report.Sentiment.Score:0.###}; {report.Sentiment.Method}).");
        return new AgentResult(report.Findings, metrics, summary, OsintFacts.From(report));

        static string Join(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
    }

    public ValueTask DisposeAsync() => _fetcher.IsValueCreated ? _fetcher.Value.DisposeAsync() : ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: Osint looked at {Pages} pages, fetched {Fetched}")]
    private static partial void LogCrawled(ILogger logger, Guid taskId, int pages, int fetched);
}
