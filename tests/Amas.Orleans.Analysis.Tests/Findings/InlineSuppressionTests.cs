using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Findings;

public sealed class InlineSuppressionTests
{
    private static FindingSuppression? For(string line, string rule = "secret/jwt") => InlineSuppression.For(line, rule, "app.py", 7);

    [Theory]
    [InlineData("token = x  # amas:ignore", InlineSuppression.NoReason)]
    [InlineData("token = x  # amas:ignore test fixture, never deployed", "test fixture, never deployed")]
    [InlineData("token = x  # amas:ignore: sample from the docs", "sample from the docs")]
    [InlineData("token = x  // amas:ignore secret/jwt sample from the docs", "sample from the docs")]
    [InlineData("token = x  // amas:ignore secret/* all samples", "all samples")]
    [InlineData("token = x  /* amas:ignore * vendored */", "vendored")]
    [InlineData("<!-- amas:ignore secret/jwt -->", InlineSuppression.NoReason)]
    [InlineData("token = x  # amas:ignore tests/fixtures only, see docs/testing.md", "tests/fixtures only, see docs/testing.md")]
    public void A_marker_suppresses_in_the_source_with_the_reason_written_after_it(string line, string reason)
        => Assert.Equal(new FindingSuppression { Kind = SuppressionKind.InSource, Reason = reason, File = "app.py", Line = 7 }, For(line));

    [Theory]
    [InlineData("token = x")]
    [InlineData("token = x  # amas:ignore secret/github-token not this one")]
    [InlineData("token = x  # amas:ignore code/* only code rules")]
    [InlineData("token = x  # amas:ignored")]
    public void No_marker_or_a_marker_for_another_rule_leaves_the_finding_alone(string line)
        => Assert.Null(For(line));

    [Fact]
    public void A_long_reason_is_cut()
    {
        var suppression = For("x  # amas:ignore " + new string('r', 500));

        Assert.Equal(InlineSuppression.MaxReasonLength + 1, suppression?.Reason.Length);
        Assert.EndsWith("…", suppression?.Reason, StringComparison.Ordinal);
    }
}
