using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Findings;

public sealed class SuppressionFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-suppressions-").FullName;

    private static Finding Finding(string rule, string? file, int? line = 3) => new()
    {
        Id = rule + file, Agent = "DockerMonitor", Rule = rule, Severity = Severity.Medium, Category = "docker",
        File = file, Line = line, Message = "m", Sources = ["DockerMonitor"],
    };

    [Fact]
    public void Rules_paths_and_reasons_are_read_and_comments_and_blank_lines_skipped()
    {
        var list = SuppressionFile.Parse("""
            # rule                      path glob            reason
            secret/generic-assignment   tests/fixtures/**    fixture passwords, never deployed

            DL3007	deploy/dev/**	the dev image follows latest on purpose
            code/*   third_party   vendored code, reported upstream
            *  **  everything, for a throwaway branch
            """);

        Assert.Empty(list.Problems);
        Assert.Equal(
            [("secret/generic-assignment", "tests/fixtures/**", "fixture passwords, never deployed", 2),
             ("DL3007", "deploy/dev/**", "the dev image follows latest on purpose", 4),
             ("code/*", "third_party", "vendored code, reported upstream", 5),
             ("*", "**", "everything, for a throwaway branch", 6)],
            list.Entries.Select(e => (e.Rule.Text, e.PathPattern, e.Reason, e.Line)));
    }

    [Fact]
    public void A_finding_is_matched_by_rule_pattern_and_path_glob_and_gets_the_entry_as_its_suppression()
    {
        var list = SuppressionFile.Parse("dl3007 deploy/dev/** dev image\ncode/* third_party vendored\n* ** all of it\n");

        Assert.Equal(
            new FindingSuppression { Kind = SuppressionKind.External, Reason = "dev image", File = SuppressionFile.FileName, Line = 1 },
            list.Match(Finding("DL3007", "deploy/dev/Dockerfile")));
        Assert.Equal("vendored", list.Match(Finding("code/js-eval", "lib/third_party/x.js"))?.Reason);
        Assert.Equal("all of it", list.Match(Finding("DOC001", file: null, line: null))?.Reason);
        Assert.Null(SuppressionFile.Parse("DL3007 deploy/dev/** dev image").Match(Finding("DL3007", "deploy/Dockerfile")));
        Assert.Null(SuppressionFile.Parse("DL3007 deploy/dev/** dev image").Match(Finding("DL3006", "deploy/dev/Dockerfile")));
    }

    [Theory]
    [InlineData("DL3007 deploy/dev/**", "no reason given for 'DL3007 deploy/dev/**'")]
    [InlineData("DL3007", "'DL3007' is not 'rule path-glob reason'")]
    [InlineData("DL3007 /etc/** system files", "'/etc/**' is not relative to the repository root")]
    [InlineData("DL3007 ~/repo/** home", "'~/repo/**' is not relative to the repository root")]
    [InlineData("DL3007 C:/repo/** drive", "'C:/repo/**' is not relative to the repository root")]
    [InlineData("DL3007 deploy/../../etc/** escape", "'deploy/../../etc/**' leaves the repository through '..'")]
    [InlineData("secret/*/x src/** prefix in the middle", "'secret/*/x' is not a rule id, an id prefix ending in '*', or '*'")]
    [InlineData("$(rm) src/** shell", "'$(rm)' is not a rule id")]
    public void A_malformed_line_is_refused_with_a_message_naming_the_line_and_the_others_still_apply(string bad, string message)
    {
        var list = SuppressionFile.Parse("DL3006 ** pinned by the base image's own tag\n" + bad + "\n");

        var problem = Assert.Single(list.Problems);
        Assert.StartsWith($"{SuppressionFile.FileName}:2: {message}", problem, StringComparison.Ordinal);
        Assert.Equal(["DL3006"], list.Entries.Select(e => e.Rule.Text));
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var list = SuppressionFile.Parse("DL3007 ** " + new string('r', SuppressionFile.MaxReasonLength + 1));

        Assert.Contains("longer than", Assert.Single(list.Problems), StringComparison.Ordinal);
        Assert.Empty(list.Entries);
    }

    [Fact]
    public async Task The_file_is_read_from_the_repository_root_and_a_repository_without_one_has_no_suppressions()
    {
        Assert.Same(SuppressionList.None, await SuppressionFile.LoadAsync(_root, CancellationToken.None));

        await File.WriteAllTextAsync(Path.Combine(_root, SuppressionFile.FileName), "DL3007 ** reason\n");

        Assert.Single((await SuppressionFile.LoadAsync(_root, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task A_link_is_not_followed_and_an_oversized_file_is_not_read_and_both_say_so()
    {
        var outside = Path.Combine(Directory.CreateTempSubdirectory("amas-outside-").FullName, "list");
        await File.WriteAllTextAsync(outside, "* ** suppress everything from outside\n");
        File.CreateSymbolicLink(Path.Combine(_root, SuppressionFile.FileName), outside);

        var linked = await SuppressionFile.LoadAsync(_root, CancellationToken.None);

        Assert.Empty(linked.Entries);
        Assert.Contains("symbolic link", Assert.Single(linked.Problems), StringComparison.Ordinal);

        File.Delete(Path.Combine(_root, SuppressionFile.FileName));
        Directory.Delete(Path.GetDirectoryName(outside)!, recursive: true);
        await File.WriteAllTextAsync(Path.Combine(_root, SuppressionFile.FileName), "# " + new string('x', SuppressionFile.MaxBytes));

        var large = await SuppressionFile.LoadAsync(_root, CancellationToken.None);

        Assert.Empty(large.Entries);
        Assert.Contains("larger than", Assert.Single(large.Problems), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
