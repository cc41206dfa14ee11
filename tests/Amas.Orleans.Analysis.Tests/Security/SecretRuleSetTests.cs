using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class SecretRuleSetTests
{
    private static readonly SecretScanner Scanner = new();

    [Theory]
    [MemberData(nameof(SecretSamples.Flagged), MemberType = typeof(SecretSamples))]
    public void Each_rule_flags_its_sample(string rule, string text, string secret)
    {
        var findings = Scanner.Scan(new SourceFile("sample.txt", text));

        var finding = Assert.Single(findings, f => f.Rule == rule);
        Assert.DoesNotContain(secret, finding.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SecretSamples.NearMisses), MemberType = typeof(SecretSamples))]
    public void Each_rule_ignores_its_near_miss(string rule, string text)
    {
        var findings = Scanner.Scan(new SourceFile("sample.txt", text));

        Assert.DoesNotContain(findings, f => f.Rule == rule);
    }

    [Fact]
    public void Every_default_rule_has_a_flagged_sample_and_a_near_miss()
    {
        var ids = SecretRuleSet.Default.Rules.Select(r => r.Id).ToHashSet();
        var flagged = SecretSamples.Flagged.Select(row => (string)row[0]).ToHashSet();
        var nearMisses = SecretSamples.NearMisses.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(ids.Order(), flagged.Order());
        Assert.Equal(ids.Order(), nearMisses.Order());
    }

    [Fact]
    public void Default_set_has_at_least_sixty_rules_with_unique_secret_ids()
    {
        var rules = SecretRuleSet.Default.Rules;

        Assert.True(rules.Count >= 60, $"only {rules.Count} rules");
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r => Assert.StartsWith("secret/", r.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_pattern_is_non_backtracking_and_culture_invariant()
    {
        Assert.All(SecretRuleSet.Default.Rules, r =>
        {
            Assert.True(r.Pattern.Options.HasFlag(RegexOptions.NonBacktracking), r.Id);
            Assert.True(r.Pattern.Options.HasFlag(RegexOptions.CultureInvariant), r.Id);
            Assert.Contains(r.SecretGroup, r.Pattern.GetGroupNames());
            Assert.NotEmpty(r.Keywords);
        });
    }

    [Theory]
    [InlineData(RegexOptions.RightToLeft)]
    [InlineData(RegexOptions.ECMAScript)]
    public void NonBacktracking_refuses_options_the_rules_therefore_never_use(RegexOptions option)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Regex("a", RegexOptions.NonBacktracking | option));
        Assert.False(SecretRule.PatternOptions.HasFlag(option));
    }

    [Fact]
    public void Keys_that_unlock_cloud_payment_or_signing_are_at_least_high_and_the_generic_rule_is_medium()
    {
        var byId = SecretRuleSet.Default.Rules.ToDictionary(r => r.Id);

        foreach (var id in new[]
        {
            "secret/private-key", "secret/aws-access-key-id", "secret/aws-secret-access-key",
            "secret/azure-storage-account-key", "secret/google-api-key", "secret/stripe-live-key",
            "secret/gcp-service-account-key", "secret/square-access-token", "secret/braintree-access-token",
            "secret/vault-token", "secret/age-secret-key", "secret/alibaba-secret-key",
        })
        {
            Assert.True(byId[id].Severity >= Severity.High, id);
        }

        Assert.Equal(Severity.Medium, byId["secret/generic-assignment"].Severity);
        Assert.True(byId["secret/generic-assignment"].IsGeneric);
    }

    [Fact]
    public void Rules_that_can_claim_the_same_secret_are_ordered_most_specific_first()
    {
        var order = SecretRuleSet.Default.Rules.Select(r => r.Id).ToList();

        Assert.True(order.IndexOf("secret/gitlab-routable-token") < order.IndexOf("secret/gitlab-pat"));
        Assert.True(order.IndexOf("secret/anthropic-api-key") < order.IndexOf("secret/openai-api-key"));
        Assert.True(order.IndexOf("secret/sentry-dsn-secret") < order.IndexOf("secret/url-basic-auth"));
        Assert.True(order.IndexOf("secret/database-url-password") < order.IndexOf("secret/url-basic-auth"));
    }

    [Fact]
    public void A_file_without_any_keyword_never_reaches_the_pattern()
    {
        var rule = SecretRuleSet.Default.Rules.Single(r => r.Id == "secret/github-token");

        Assert.False(rule.MayOccurIn("nothing to see here"));
        Assert.True(rule.MayOccurIn("a GHP_ in capitals still passes the case-insensitive filter"));
    }

    [Fact]
    public void A_rule_set_refuses_duplicate_ids()
    {
        var rule = SecretRuleSet.Default.Rules[0];

        Assert.Throws<ArgumentException>(() => new SecretRuleSet([rule, rule]));
    }
}
