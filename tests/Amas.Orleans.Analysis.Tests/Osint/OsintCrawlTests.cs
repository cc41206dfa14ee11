using System.Diagnostics;
using Amas.Orleans.Analysis.Osint;
using Amas.Orleans.Testing.Osint;

namespace Amas.Orleans.Analysis.Tests.Osint;

public sealed class OsintCrawlTests
{
    private static async Task<(OsintReport Report, LoopbackSite Site)> CrawlFixtureAsync(int depth, params string[] keywords)
    {
        var site = FixtureSite.Serve(new LoopbackSite());
        await using var host = new OsintTestHost(o => o.AllowLoopback = true);
        var suffixes = PublicSuffixList.Load(host.Options.PublicSuffixListPath);
        var crawler = new OsintCrawler(host.Fetcher, new EntityExtractor(suffixes, "US"), suffixes, host.Options);
        var report = await crawler.CrawlAsync(new OsintRequest([site.Url("/").AbsoluteUri], keywords, depth), CancellationToken.None);
        return (report, site);
    }

    [Fact]
    public async Task Fixture_site_crawled_to_depth_two_yields_exactly_the_published_entities()
    {
        var (report, site) = await CrawlFixtureAsync(2, "sensors", "reliable sensors", "team");
        await using var _ = site;

        var fetched = report.Pages.Where(p => p.Outcome == "fetched").Select(p => new Uri(p.Url).AbsolutePath).ToList();
        Assert.Equal(["/", "/about.html", "/team/index.html", "/private/open.html", "/team/members.html"], fetched);
        Assert.Equal(
            ["bob@acme-example.org", "carol@acme-example.com", "dave@acme-example.net", "jane.doe@acme-example.com", "press@acme-example.com", "sales@acme-example.com"],
            report.Entities.Emails);
        Assert.Equal(["+16502530000", "+442070313000"], report.Entities.Phones);
        Assert.Equal(["198.51.100.23", "203.0.113.7"], report.Entities.IPv4);
        Assert.Equal(["2001:db8::1"], report.Entities.IPv6);
        Assert.Equal(["https://docs.acme-example.com/start"], report.Entities.Urls);
        Assert.Equal(["acme-example.com", "acme-example.net", "acme-example.org"], report.Entities.Domains);
        Assert.Equal([new TermCount("sensors", 3), new TermCount("reliable sensors", 1), new TermCount("team", 2)], report.Keywords);
        Assert.Equal("sensors", report.TopTerms[0].Term);
        Assert.Equal(0.875, report.Sentiment.Score);
        Assert.Equal("positive", report.Sentiment.Label);
        Assert.Equal(SentimentScorer.Method, report.Sentiment.Method);
    }

    [Fact]
    public async Task Robots_txt_group_for_our_product_token_is_honoured_and_disallowed_pages_are_never_requested()
    {
        var (report, site) = await CrawlFixtureAsync(1);
        await using var _ = site;

        var disallowed = report.Pages.Where(p => p.Outcome == "robots_disallowed").Select(p => new Uri(p.Url).AbsolutePath).Order().ToList();
        Assert.Equal(["/private/secret.html", "/report.pdf"], disallowed);
        var requested = site.Hits.Select(h => h.Path).ToList();
        Assert.DoesNotContain("/private/secret.html", requested);
        Assert.DoesNotContain("/report.pdf", requested);
        Assert.Single(requested, "/robots.txt");
        Assert.DoesNotContain("leak@acme-example.com", report.Entities.Emails);
        Assert.All(site.Hits, h => Assert.Equal("AmasOsintTest/1.0 (+https://example.invalid/bot)", h.UserAgent));
    }

    [Fact]
    public async Task Index_page_is_parsed_into_title_description_visible_text_links_images_and_forms()
    {
        var (report, site) = await CrawlFixtureAsync(0);
        await using var _ = site;

        var page = Assert.Single(report.Pages);
        Assert.Equal("Acme Research Lab", page.Title);
        Assert.Equal("Acme builds reliable sensors.", page.Description);
        Assert.StartsWith("Welcome to Acme We build excellent, reliable sensors. Contact sales@acme-example.com", page.Text);
        Assert.DoesNotContain("script-secret", page.Text);
        Assert.DoesNotContain("color", page.Text);
        Assert.DoesNotContain("Enable scripts", page.Text);
        Assert.DoesNotContain("script-secret@acme-example.com", report.Entities.Emails);
        var root = site.Url("/").AbsoluteUri.TrimEnd('/');
        Assert.Equal(
            [$"{root}/about.html", $"{root}/team/index.html#top", $"{root}/private/secret.html", $"{root}/private/open.html", $"{root}/report.pdf",
                "https://www.example.org/external", "mailto:press@acme-example.com"],
            page.Links);
        Assert.Equal([$"{root}/img/logo.png"], page.Images);
        var form = Assert.Single(page.Forms);
        Assert.Equal(new PageForm($"{root}/subscribe", "post", []) with { Inputs = form.Inputs }, form);
        Assert.Equal(["email:email", ":submit"], form.Inputs);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_rate_limit()
    {
        await using var site = FixtureSite.Serve(new LoopbackSite());
        await using var host = new OsintTestHost(o =>
        {
            o.AllowLoopback = true;
            o.PerHostIntervalMilliseconds = 300;
        });

        var sent = new List<(Uri Url, DateTimeOffset At)>();
        host.Fetcher.RequestSending += (url, at) => sent.Add((url, at));

        foreach (var path in new[] { "/", "/about.html", "/team/index.html" })
        {
            var result = await host.Fetcher.FetchAsync(site.Url(path), CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            await Task.Delay(path == "/" ? 320 : 0); // idle past a window: the next request still waits its turn
        }

        Assert.Equal(["/robots.txt", "/", "/about.html", "/team/index.html"], sent.Select(s => s.Url.AbsolutePath));
        Assert.Equal(4, site.Hits.Count);
        for (var i = 1; i < sent.Count; i++)
        {
            var gap = sent[i].At - sent[i - 1].At;
            Assert.True(gap >= TimeSpan.FromMilliseconds(290), $"request {i} left {gap.TotalMilliseconds:0} ms after the previous one");
        }

        // The server saw them spread out too: four requests need at least three intervals.
        var stamps = site.Hits.Select(h => h.Timestamp).ToList();
        Assert.True(Stopwatch.GetElapsedTime(stamps[0], stamps[^1]) >= TimeSpan.FromMilliseconds(700));
    }

    [Fact]
    public async Task Osint_agent_reports_contact_details_and_addresses_as_info_findings()
    {
        await using var site = FixtureSite.Serve(new LoopbackSite());
        await using var host = new OsintTestHost(o => o.AllowLoopback = true);
        var inputs = new DelegateOsintInputs(_ => new OsintRequest([site.Url("/about.html").AbsoluteUri], ["sensors"], 0));
        var agent = new Agents.OsintAgent(Microsoft.Extensions.Options.Options.Create(host.Options), host.HttpClientFactory, inputs);
        await using var _ = agent;

        var result = await agent.RunAsync(OsintAgentContext.Create(), CancellationToken.None);

        Assert.Equal("Osint", agent.Descriptor.Name);
        Assert.Equal(1, agent.Descriptor.Layer);
        Assert.Equal(["osint"], agent.Descriptor.Capabilities);
        Assert.False(agent.Descriptor.ReadsRepository);
        Assert.All(result.Findings, f =>
        {
            Assert.Equal("osint", f.Category);
            Assert.Equal(Amas.Orleans.Findings.Severity.Info, f.Severity);
            Assert.Equal(site.Url("/about.html").AbsoluteUri, f.File);
        });
        Assert.Equal(
            ["osint.email-address:bob@acme-example.org", "osint.email-address:jane.doe@acme-example.com", "osint.phone-number:+442070313000",
                "osint.ip-address:203.0.113.7", "osint.ip-address:2001:db8::1"],
            result.Findings.Select(f => $"{f.Rule}:{f.Evidence}"));
        Assert.Equal(1, result.Metrics["pages_fetched"]);
        Assert.Equal(2, result.Metrics["keyword_hits"]);
        Assert.Contains("Sentiment", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Osint_agent_without_urls_does_nothing()
    {
        await using var host = new OsintTestHost(o => o.AllowLoopback = true);
        var agent = new Agents.OsintAgent(Microsoft.Extensions.Options.Options.Create(host.Options), host.HttpClientFactory);
        await using var _ = agent;

        var result = await agent.RunAsync(OsintAgentContext.Create(), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no URLs to fetch", result.Summary);
    }

    [Fact]
    public async Task Osint_agent_result_carries_pages_entities_keywords_and_sentiment_as_facts()
    {
        await using var site = FixtureSite.Serve(new LoopbackSite());
        await using var host = new OsintTestHost(o => o.AllowLoopback = true);
        var about = site.Url("/about.html").AbsoluteUri;
        var inputs = new DelegateOsintInputs(_ => new OsintRequest([about], ["sensors"], 0));
        var agent = new Agents.OsintAgent(Microsoft.Extensions.Options.Options.Create(host.Options), host.HttpClientFactory, inputs);
        await using var _ = agent;

        var facts = (await agent.RunAsync(OsintAgentContext.Create(), CancellationToken.None)).Facts!;

        Assert.Equal([$"{about} depth 0: fetched, HTTP 200, \"About Acme\""], facts["pages"]);
        Assert.Equal(["bob@acme-example.org", "jane.doe@acme-example.com"], facts["emails"]);
        Assert.Equal(["+442070313000"], facts["phones"]);
        Assert.Equal(["https://docs.acme-example.com/start"], facts["urls"]);
        Assert.Equal(["acme-example.com", "acme-example.org"], facts["domains"]);
        Assert.Equal(["203.0.113.7"], facts["ipv4"]);
        Assert.Equal(["2001:db8::1"], facts["ipv6"]);
        Assert.Equal(["sensors: 2"], facts["keywords"]);
        Assert.Equal([SentimentScorer.Method], facts["sentiment_method"]);
    }
}
