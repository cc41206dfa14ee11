using Amas.Orleans.Analysis.Osint;

namespace Amas.Orleans.Analysis.Tests.Osint;

public sealed class EntityExtractorTests
{
    private static readonly Lazy<PublicSuffixList> Suffixes = new(() => PublicSuffixList.Load(new OsintOptions().PublicSuffixListPath));

    private static EntityExtractor Extractor(string region = "US") => new(Suffixes.Value, region);

    [Theory]
    [InlineData("jane [at] example [dot] com", "jane@example.com")]
    [InlineData("jane(at)example(dot)co(dot)uk", "jane@example.co.uk")]
    [InlineData("jane {at} mail.example.org", "jane@mail.example.org")]
    [InlineData("write to jane at example dot com today", "jane@example.com")]
    [InlineData("Jane.Doe+news@Example.COM.", "jane.doe+news@example.com")]
    public void Emails_are_found_also_when_obfuscated(string text, string expected) =>
        Assert.Equal([expected], Extractor().Extract(text).Emails);

    [Theory]
    [InlineData("meet me at noon")]
    [InlineData("user@localhost")]
    [InlineData("name@host.invalidtld")]
    [InlineData("see file@2x.png")]
    public void Things_that_are_not_emails_are_not_reported(string text) =>
        Assert.Empty(Extractor().Extract(text).Emails);

    [Fact]
    public void Phone_numbers_are_normalised_to_e164_with_the_default_region()
    {
        Assert.Equal(["+16502530000"], Extractor().Extract("Call (650) 253-0000 now").Phones);
        Assert.Equal(["+442070313000"], Extractor("GB").Extract("Call 020 7031 3000 now").Phones);
        Assert.Equal(["+16502530000", "+442070313000"], Extractor().Extract("+44 20 7031 3000 or 650.253.0000").Phones);
        Assert.Empty(Extractor().Extract("version 1.2.3, order 12345").Phones);
    }

    [Fact]
    public void Domains_are_reduced_to_registrable_domains_known_to_the_public_suffix_list()
    {
        var entities = Extractor().Extract("Sites: www.bbc.co.uk, docs.github.io, a.b.example.com, readme.txt, foo.notatld, localhost");

        Assert.Equal(["bbc.co.uk", "docs.github.io", "example.com"], entities.Domains);
    }

    [Fact]
    public void Public_suffix_rules_wildcards_and_exceptions_apply()
    {
        var list = PublicSuffixList.Parse(["com", "*.ck", "!www.ck", "// comment", "co.uk", "uk"]);

        Assert.Equal("example.com", list.RegistrableDomain("a.b.example.com"));
        Assert.Equal("b.a.ck", list.RegistrableDomain("c.b.a.ck"));
        Assert.Equal("www.ck", list.RegistrableDomain("www.ck"));
        Assert.Equal("bbc.co.uk", list.RegistrableDomain("www.bbc.co.uk"));
        Assert.Null(list.RegistrableDomain("co.uk"));
        Assert.Null(list.RegistrableDomain("example.org"));
        Assert.True(Suffixes.Value.RuleCount > 5000);
    }

    [Fact]
    public void Ip_addresses_are_validated()
    {
        var entities = Extractor().Extract("Hosts 192.0.2.10, 999.1.1.1, version 1.2.3.4.5, 2001:db8::42 and fe80::1; time 10:30:00.");

        Assert.Equal(["192.0.2.10"], entities.IPv4);
        Assert.Equal(["2001:db8::42", "fe80::1"], entities.IPv6);
    }

    [Fact]
    public void Urls_are_found_in_text_without_trailing_punctuation()
    {
        var entities = Extractor().Extract("See https://example.com/a?b=1, and http://test.example.org/x.");

        Assert.Equal(["http://test.example.org/x", "https://example.com/a?b=1"], entities.Urls);
    }

    [Fact]
    public void Keywords_count_whole_words_and_phrases_case_insensitively_and_top_terms_skip_stopwords()
    {
        const string text = "Sensors and more sensors. The sensor-array of Sensors! Reliable\nsensors are reliable.";

        Assert.Equal([new TermCount("sensors", 4), new TermCount("reliable sensors", 1)], TextTerms.KeywordFrequency(text, ["Sensors", "reliable sensors"]));
        Assert.Equal([new TermCount("sensors", 4), new TermCount("reliable", 2), new TermCount("sensor-array", 1)], TextTerms.TopTerms(TextTerms.Tokenize(text), 3));
    }

    [Fact]
    public void Sentiment_uses_the_lexicon_with_negation()
    {
        Assert.Equal("positive", SentimentScorer.Score(TextTerms.Tokenize("A great and reliable product")).Label);
        Assert.Equal("negative", SentimentScorer.Score(TextTerms.Tokenize("This is not good, it is a scam")).Label);
        Assert.Equal("neutral", SentimentScorer.Score(TextTerms.Tokenize("The table has four legs")).Label);
        // -3 / sqrt(9 + 15)
        Assert.Equal(-0.6124, SentimentScorer.Score(TextTerms.Tokenize("not good")).Score);
    }
}
