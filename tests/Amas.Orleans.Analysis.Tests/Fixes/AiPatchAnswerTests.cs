using Amas.Orleans.Fixes;

namespace Amas.Orleans.Analysis.Tests.Fixes;

/// <summary>What an AI answer must look like before its diff is even tried on a scratch copy.</summary>
public sealed class AiPatchAnswerTests
{
    private const string Diff = "--- a/app.py\n+++ b/app.py\n@@ -1,2 +1,2 @@\n x = 1\n-y = 2\n+y = 3\n";

    [Fact]
    public void A_diff_of_the_file_in_a_code_fence_is_taken_with_a_git_header()
    {
        var extracted = AiPatchProposer.ExtractDiff("Here is the fix:\n```diff\n" + Diff + "```\nDone.", "app.py");

        Assert.Equal("diff --git a/app.py b/app.py\n" + Diff, extracted);
    }

    [Fact]
    public void What_follows_the_diff_is_never_taken_so_a_mode_change_cannot_ride_along()
    {
        var extracted = AiPatchProposer.ExtractDiff(Diff + "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n", "app.py");

        Assert.Equal("diff --git a/app.py b/app.py\n" + Diff, extracted);
    }

    [Theory]
    [InlineData("no diff at all")]
    [InlineData("--- a/other.py\n+++ b/other.py\n@@ -1 +1 @@\n-a\n+b\n")]
    [InlineData("--- a/app.py\n+++ b/app.py\n@@ -1 +1 @@\n-a\n+b\n--- a/other.py\n+++ b/other.py\n@@ -1 +1 @@\n-a\n+b\n")]
    [InlineData("--- a/../../etc/passwd\n+++ b/../../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n")]
    public void Anything_but_a_content_diff_of_exactly_that_file_is_refused(string answer)
    {
        Assert.Null(AiPatchProposer.ExtractDiff(answer, "app.py"));
    }
}
