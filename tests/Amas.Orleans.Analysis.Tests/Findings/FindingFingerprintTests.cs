namespace Amas.Orleans.Analysis.Tests.Findings;

public sealed class FindingFingerprintTests
{
    [Fact]
    public void The_fingerprint_ignores_whitespace_changes_and_depends_on_rule_file_content_and_occurrence()
    {
        var id = FindingFingerprint.Create("rule", "a.cs", "var x =  1;");

        Assert.Equal(id, FindingFingerprint.Create("rule", "a.cs", "  var x = 1;  "));
        Assert.NotEqual(id, FindingFingerprint.Create("other", "a.cs", "var x = 1;"));
        Assert.NotEqual(id, FindingFingerprint.Create("rule", "b.cs", "var x = 1;"));
        Assert.NotEqual(id, FindingFingerprint.Create("rule", "a.cs", "var x = 2;"));
        Assert.NotEqual(id, FindingFingerprint.Create("rule", "a.cs", "var x = 1;", occurrence: 1));
        Assert.Matches("^[0-9a-f]{20}$", id);
    }
}
