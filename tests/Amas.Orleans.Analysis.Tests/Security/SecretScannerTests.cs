using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class SecretScannerTests
{
    private static readonly SecretScanner Scanner = new();
    private static readonly string AwsKeyId = "AKIA" + Of(Base32, 16);
    private static readonly string GitHubToken = "ghp_" + Alnum(36);

    [Fact]
    public void Finding_names_the_agent_category_rule_and_one_based_position()
    {
        var text = "first line\n    key = " + AwsKeyId + "\n";

        var finding = Assert.Single(Scanner.Scan(new SourceFile("src/app.env", text)));

        Assert.Equal("SecurityScanner", finding.Agent);
        Assert.Equal(["SecurityScanner"], finding.Sources);
        Assert.Equal("secrets", finding.Category);
        Assert.Equal("secret/aws-access-key-id", finding.Rule);
        Assert.Equal("src/app.env", finding.File);
        Assert.Equal(2, finding.Line);
        Assert.Equal(11, finding.Column);
        Assert.Contains("AWS access key id", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Fix);
    }

    [Fact]
    public void Evidence_shows_the_line_with_at_most_four_characters_of_the_secret()
    {
        var finding = Assert.Single(Scanner.Scan(new SourceFile("a.sh", "export AWS_ACCESS_KEY_ID=" + AwsKeyId)));

        Assert.Equal("export AWS_ACCESS_KEY_ID=AKIA****************", finding.Evidence);
    }

    [Fact]
    public void No_finding_anywhere_reveals_any_sample_secret()
    {
        var samples = SecretSamples.Flagged.Select(row => ((string)row[1], (string)row[2])).ToList();
        var text = string.Join('\n', samples.Select(s => s.Item1));

        var findings = Scanner.Scan(new SourceFile("all.txt", text));

        Assert.NotEmpty(findings);
        foreach (var (_, secret) in samples)
        {
            Assert.All(findings, f =>
            {
                Assert.DoesNotContain(secret, f.Evidence, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, f.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, f.Id, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Every_secret_on_a_line_is_masked_in_each_finding_from_that_line()
    {
        var text = "keys " + AwsKeyId + " " + GitHubToken;

        var findings = Scanner.Scan(new SourceFile("two.txt", text));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.DoesNotContain(AwsKeyId, f.Evidence, StringComparison.Ordinal);
            Assert.DoesNotContain(GitHubToken, f.Evidence, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Amas_ignore_on_a_line_reports_that_line_suppressed_with_its_reason_and_only_that_line()
    {
        var text = "a = " + AwsKeyId + "  # amas:ignore test fixture\nb = " + GitHubToken + "\n";

        var findings = Scanner.Scan(new SourceFile("x.py", text));

        Assert.Equal(2, findings.Count);
        var ignored = findings[0];
        Assert.Equal(("secret/aws-access-key-id", 1), (ignored.Rule, ignored.Line));
        Assert.Equal(new FindingSuppression { Kind = SuppressionKind.InSource, Reason = "test fixture", File = "x.py", Line = 1 }, ignored.Suppression);
        Assert.Equal(("secret/github-token", 2), (findings[1].Rule, findings[1].Line));
        Assert.Null(findings[1].Suppression);
    }

    [Fact]
    public void Amas_ignore_naming_another_rule_leaves_the_finding_live_and_naming_its_rule_suppresses_it()
    {
        var other = Assert.Single(Scanner.Scan(new SourceFile("x.py", "a = \"" + GitHubToken + "\"  # amas:ignore secret/jwt docs sample\n")));
        var own = Assert.Single(Scanner.Scan(new SourceFile("x.py", "a = \"" + GitHubToken + "\"  # amas:ignore secret/github-* revoked in 2024\n")));
        var bare = Assert.Single(Scanner.Scan(new SourceFile("x.js", "const a = \"" + GitHubToken + "\"; /* amas:ignore */\n")));

        Assert.Null(other.Suppression);
        Assert.Equal("revoked in 2024", own.Suppression?.Reason);
        Assert.Equal(InlineSuppression.NoReason, bare.Suppression?.Reason);
    }

    [Fact]
    public void A_reason_that_holds_a_secret_is_not_shown_on_any_finding_of_the_line()
    {
        var findings = Scanner.Scan(new SourceFile("x.py", "key = \"" + AwsKeyId + "\"  # amas:ignore old token " + GitHubToken + "\n"));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.NotNull(f.Suppression);
            Assert.DoesNotContain(GitHubToken, f.Suppression.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(AwsKeyId, f.Suppression.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Finding_id_stays_the_same_when_lines_are_inserted_above()
    {
        var before = Assert.Single(Scanner.Scan(new SourceFile("c.yml", "token: " + GitHubToken)));
        var after = Assert.Single(Scanner.Scan(new SourceFile("c.yml", "# header\n\n\nname: x\ntoken: " + GitHubToken)));

        Assert.Equal(5, after.Line);
        Assert.Equal(before.Id, after.Id);
    }

    [Fact]
    public void Finding_id_differs_by_file_and_by_repeated_occurrence()
    {
        var text = "a " + GitHubToken + "\nb " + GitHubToken;

        var inOne = Scanner.Scan(new SourceFile("one.txt", text));
        var inOther = Scanner.Scan(new SourceFile("other.txt", text));

        Assert.Equal(2, inOne.Count);
        Assert.NotEqual(inOne[0].Id, inOne[1].Id);
        Assert.NotEqual(inOne[0].Id, inOther[0].Id);
    }

    [Fact]
    public void A_specific_rule_beats_the_generic_rule_on_the_same_secret()
    {
        var finding = Assert.Single(Scanner.Scan(new SourceFile("s.js", "const githubToken = \"" + GitHubToken + "\";")));

        Assert.Equal("secret/github-token", finding.Rule);
    }

    [Fact]
    public void The_generic_rule_still_reports_a_value_no_specific_rule_knows()
    {
        var finding = Assert.Single(Scanner.Scan(new SourceFile("s.js", "const githubToken = \"" + Alnum(24, 9) + "\";")));

        Assert.Equal("secret/generic-assignment", finding.Rule);
        Assert.Equal(7, finding.Column);
    }

    [Fact]
    public void Private_key_is_reported_at_its_header_without_its_body()
    {
        var body = PemBody();
        var text = "# deploy key\n" + PemBlock("EC ", body);

        var finding = Assert.Single(Scanner.Scan(new SourceFile("id_ec", text)));

        Assert.Equal(2, finding.Line);
        Assert.Equal(7, finding.EndLine);
        Assert.StartsWith("-----BEGIN EC PRIVATE", finding.Evidence, StringComparison.Ordinal);
        Assert.All(body.Split('\n'), line => Assert.DoesNotContain(line, finding.Evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_longer_than_ten_thousand_characters_is_scanned_and_its_evidence_trimmed()
    {
        var text = new string('a', 12_000) + " " + AwsKeyId + " " + new string('b', 12_000);

        var finding = Assert.Single(Scanner.Scan(new SourceFile("bundle.min.js", text)));

        Assert.Equal(12_002, finding.Column);
        Assert.True(finding.Evidence!.Length < 300, $"evidence of {finding.Evidence.Length} chars");
        Assert.StartsWith("…", finding.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("…", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("AKIA****************", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_keep_the_carriage_return_out_of_evidence()
    {
        var finding = Assert.Single(Scanner.Scan(new SourceFile("w.txt", "x\r\nid=" + AwsKeyId + "\r\ny\r\n")));

        Assert.Equal(2, finding.Line);
        Assert.Equal("id=AKIA****************", finding.Evidence);
    }

    [Fact]
    public void Text_without_credentials_yields_nothing()
    {
        Assert.Empty(Scanner.Scan(new SourceFile("readme.md", "# Title\nPasswords are read from the vault.\n")));
        Assert.Empty(Scanner.Scan(new SourceFile("empty.txt", "")));
    }

    [Fact]
    public void Scan_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => Scanner.Scan(new SourceFile("a", AwsKeyId), cancelled.Token));
    }
}
