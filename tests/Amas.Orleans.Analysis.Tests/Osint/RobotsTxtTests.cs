using Amas.Orleans.Analysis.Osint;

namespace Amas.Orleans.Analysis.Tests.Osint;

public sealed class RobotsTxtTests
{
    private static bool Allowed(string robots, string path, string agent = "amasosint") =>
        RobotsTxt.Parse(robots).IsAllowed(agent, new Uri("https://example.com" + path));

    [Fact]
    public void The_group_naming_our_product_token_wins_over_the_star_group()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: AmasOsint\nDisallow: /private\n";

        Assert.True(Allowed(robots, "/public"));
        Assert.False(Allowed(robots, "/private/x"));
        Assert.False(Allowed(robots, "/public", "otherbot"));
    }

    [Fact]
    public void Groups_for_the_same_agent_are_merged_and_consecutive_user_agent_lines_share_a_group()
    {
        const string robots = "User-agent: a\nUser-agent: amasosint\nDisallow: /one\n\nUser-agent: amasosint\nDisallow: /two\n";

        Assert.False(Allowed(robots, "/one"));
        Assert.False(Allowed(robots, "/two"));
        Assert.True(Allowed(robots, "/three"));
        Assert.False(Allowed(robots, "/one", "a"));
    }

    [Fact]
    public void The_longest_match_decides_and_allow_wins_a_tie()
    {
        const string robots = "User-agent: *\nDisallow: /docs/\nAllow: /docs/public/\nAllow: /same\nDisallow: /same\n";

        Assert.False(Allowed(robots, "/docs/secret"));
        Assert.True(Allowed(robots, "/docs/public/page"));
        Assert.True(Allowed(robots, "/same"));
    }

    [Fact]
    public void Wildcards_and_end_anchors_match_as_rfc_9309_describes()
    {
        const string robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/cache\nDisallow: /exact$\n";

        Assert.False(Allowed(robots, "/files/report.pdf"));
        Assert.True(Allowed(robots, "/files/report.pdf?download=1"));
        Assert.False(Allowed(robots, "/tmp123/cache/x"));
        Assert.False(Allowed(robots, "/exact"));
        Assert.True(Allowed(robots, "/exactly"));
    }

    [Fact]
    public void Comments_unknown_lines_and_empty_disallow_are_ignored_and_robots_txt_itself_is_always_allowed()
    {
        const string robots = "# hi\nUser-agent: * # everyone\nCrawl-delay: 5\nSitemap: https://example.com/s.xml\nDisallow:\n\nUser-agent: amasosint\nDisallow: /\n";

        Assert.True(Allowed(robots, "/anything", "someone"));
        Assert.False(Allowed(robots, "/anything"));
        Assert.True(Allowed(robots, "/robots.txt"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("amasosint", new Uri("https://example.com/x")));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("amasosint", new Uri("https://example.com/x")));
    }

    [Fact]
    public void Product_token_is_the_first_word_of_the_user_agent_lower_cased() =>
        Assert.Equal("amasosint", RobotsTxt.ProductToken("AmasOsint/1.0 (+https://example.com)"));
}
