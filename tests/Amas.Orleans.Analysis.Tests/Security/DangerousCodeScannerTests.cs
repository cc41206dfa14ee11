using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Analysis.Security.Code;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class DangerousCodeScannerTests
{
    private static readonly DangerousCodeScanner Scanner = new();

    [Theory]
    [MemberData(nameof(CodeSamples.Flagged), MemberType = typeof(CodeSamples))]
    public void Each_code_rule_flags_its_sample(string rule, string path, string text)
    {
        var finding = Assert.Single(Scanner.Scan(new SourceFile(path, text)), f => f.Rule == rule);

        Assert.Equal("SecurityScanner", finding.Agent);
        Assert.Equal("security", finding.Category);
        Assert.Matches("CWE-[0-9]+", finding.Message);
        Assert.False(string.IsNullOrWhiteSpace(finding.Evidence));
        Assert.NotNull(finding.Fix);
    }

    [Theory]
    [MemberData(nameof(CodeSamples.NearMisses), MemberType = typeof(CodeSamples))]
    public void Each_code_rule_ignores_its_near_miss(string rule, string path, string text)
    {
        Assert.DoesNotContain(Scanner.Scan(new SourceFile(path, text)), f => f.Rule == rule);
    }

    [Fact]
    public void Every_code_rule_has_a_flagged_sample_and_a_near_miss_and_a_cwe()
    {
        var ids = DangerousCodeRules.Default.Select(r => r.Id).Order().ToList();

        Assert.Equal(ids, CodeSamples.Flagged.Select(row => (string)row[0]).Distinct().Order());
        Assert.Equal(ids, CodeSamples.NearMisses.Select(row => (string)row[0]).Distinct().Order());
        Assert.All(DangerousCodeRules.Default, r =>
        {
            Assert.StartsWith("code/", r.Id, StringComparison.Ordinal);
            Assert.Matches("^CWE-[0-9]+$", r.Cwe);
        });
    }

    [Fact]
    public void Injection_and_deserialisation_are_high_and_tls_and_weak_hashes_are_medium()
    {
        Assert.All(DangerousCodeRules.Default, r =>
        {
            var expected = r.Cwe is "CWE-295" or "CWE-328" ? Severity.Medium : Severity.High;
            Assert.True(r.Severity == expected, $"{r.Id} is {r.Severity}");
        });
    }

    [Fact]
    public void A_rule_reads_only_its_own_language()
    {
        Assert.Empty(Scanner.Scan(new SourceFile("notes.md", "result = eval(request.args['expr'])")));
        Assert.Empty(Scanner.Scan(new SourceFile("app.py", "var formatter = new BinaryFormatter();")));
    }

    [Fact]
    public void Finding_points_at_the_call_and_names_the_cwe()
    {
        var finding = Assert.Single(Scanner.Scan(new SourceFile("app.py", "import os\n\nx = eval(data)\n")));

        Assert.Equal(3, finding.Line);
        Assert.Equal(5, finding.Column);
        Assert.Contains("(CWE-95)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("x = eval(data)", finding.Evidence);
    }

    [Fact]
    public void Amas_ignore_reports_a_code_rule_suppressed_and_policy_allowlists_silence_it()
    {
        const string Text = "x = eval(data)";
        var policy = SecretConfigFile.Parse("""{ "rules": { "code/python-eval": { "paths": ["tools/**"] } } }""");

        var ignored = Assert.Single(Scanner.Scan(new SourceFile("app.py", Text + "  # amas:ignore trusted input")));
        Assert.Equal(new FindingSuppression { Kind = SuppressionKind.InSource, Reason = "trusted input", File = "app.py", Line = 1 }, ignored.Suppression);
        Assert.Empty(Scanner.WithPolicy(policy).Scan(new SourceFile("tools/gen.py", Text)));
        Assert.Single(Scanner.WithPolicy(policy).Scan(new SourceFile("app.py", Text)));
    }

    [Fact]
    public void Finding_id_survives_lines_inserted_above()
    {
        var before = Assert.Single(Scanner.Scan(new SourceFile("a.go", "InsecureSkipVerify: true,")));
        var after = Assert.Single(Scanner.Scan(new SourceFile("a.go", "// tls\n\nInsecureSkipVerify: true,")));

        Assert.Equal(before.Id, after.Id);
    }
}
