using Amas.Orleans.Analysis.Security;
using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class SecretAllowlistTests
{
    private static readonly string AwsKeyId = "AKIA" + Of(Base32, 16);
    private static readonly string GitHubToken = "ghp_" + Alnum(36);

    private static IReadOnlyList<string> Rules(SecretScanPolicy policy, string path, string text) =>
        [.. new SecretScanner(SecretRuleSet.Default, policy).Scan(new SourceFile(path, text)).Select(f => f.Rule)];

    [Fact]
    public void A_global_path_glob_skips_the_whole_file()
    {
        var policy = SecretConfigFile.Parse("""{ "allowlist": { "paths": ["**/testdata/**", "*.snap"] } }""");

        Assert.Empty(Rules(policy, "pkg/auth/testdata/keys.txt", AwsKeyId));
        Assert.Empty(Rules(policy, "ui/__snapshots__/login.snap", AwsKeyId));
        Assert.Single(Rules(policy, "pkg/auth/keys.txt", AwsKeyId));
    }

    [Fact]
    public void A_per_rule_path_glob_silences_only_that_rule()
    {
        var policy = SecretConfigFile.Parse("""{ "rules": { "secret/aws-access-key-id": { "paths": ["docs/"] } } }""");

        Assert.Equal(["secret/github-token"], Rules(policy, "docs/setup.md", AwsKeyId + "\n" + GitHubToken));
    }

    [Fact]
    public void A_regex_on_the_secret_and_a_stopword_each_allow_a_match()
    {
        var byRegex = SecretConfigFile.Parse("""{ "allowlist": { "regexes": ["^AKIA[A-Z2-7]{4}"] } }""");
        var byStopword = SecretConfigFile.Parse("""{ "rules": { "secret/generic-assignment": { "stopwords": ["fixture"] } } }""");
        var generic = "password = \"fixture" + Alnum(12) + "\"";

        Assert.Equal(["secret/github-token"], Rules(byRegex, "a.txt", AwsKeyId + " " + GitHubToken));
        Assert.Empty(Rules(byStopword, "a.py", generic));
        Assert.Equal(["secret/generic-assignment"], Rules(SecretScanPolicy.Default, "a.py", generic));
    }

    [Fact]
    public void A_disabled_rule_reports_nothing()
    {
        var policy = SecretConfigFile.Parse("""
            {
              // JWTs in this repository are all test fixtures.
              "rules": { "secret/jwt": { "disabled": true }, },
            }
            """);

        Assert.Empty(Rules(policy, "a.txt", "Bearer " + Jwt("""{"alg":"HS256"}""")));
        Assert.Contains("secret/jwt", policy.DisabledRules);
    }

    [Fact]
    public void A_rules_own_built_in_allowlist_applies_beside_the_policy()
    {
        var rule = SecretRuleSet.Default.Rules.Single(r => r.Id == "secret/aws-access-key-id");
        var quiet = new SecretRule
        {
            Id = rule.Id,
            Description = rule.Description,
            Severity = rule.Severity,
            Pattern = rule.Pattern,
            Keywords = rule.Keywords,
            Allowlist = new SecretAllowlist { Stopwords = [AwsKeyId[..8]] },
        };

        Assert.Empty(new SecretScanner(new SecretRuleSet([quiet])).Scan(new SourceFile("a", AwsKeyId)));
    }

    [Fact]
    public void Merging_policies_keeps_both_sides()
    {
        var first = SecretConfigFile.Parse("""{ "allowlist": { "paths": ["a/**"] }, "rules": { "secret/jwt": { "disabled": true } } }""");
        var second = SecretConfigFile.Parse("""{ "allowlist": { "paths": ["b/**"] }, "rules": { "secret/npm-token": { "disabled": true } } }""");

        var merged = first.Merge(second);

        Assert.True(merged.Global.AllowsPath("a/x.txt"));
        Assert.True(merged.Global.AllowsPath("b/x.txt"));
        Assert.Equal(["secret/jwt", "secret/npm-token"], merged.DisabledRules.Order());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "allowlist": { "regexes": ["(?=lookahead)"] } }""")]
    [InlineData("""{ "allowlist": { "regexes": ["(unclosed"] } }""")]
    [InlineData("""{ "allowlists": {} }""")]
    public void A_broken_config_is_refused_with_a_reason(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => SecretConfigFile.Parse(json));

        Assert.Contains(SecretConfigFile.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_means_no_policy()
    {
        var root = Directory.CreateTempSubdirectory("amas-config-").FullName;
        try
        {
            Assert.Null(await SecretConfigFile.LoadAsync(root, CancellationToken.None));
            await File.WriteAllTextAsync(Path.Combine(root, SecretConfigFile.FileName), """{ "allowlist": { "stopwords": ["x"] } }""");
            var policy = await SecretConfigFile.LoadAsync(root, CancellationToken.None);
            Assert.Equal(["x"], policy!.Global.Stopwords);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
