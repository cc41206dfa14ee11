using Amas.Orleans.Analysis.Tests.Repositories;
using Amas.Orleans.Fixes;

namespace Amas.Orleans.Analysis.Tests.Fixes;

/// <summary>Every diff the writer produces is checked by the tool that consumes it: <c>git apply</c>.</summary>
public sealed class UnifiedDiffTests
{
    public static TheoryData<string, string> Edits => new()
    {
        { "a\nb\nc\n", "a\nB\nc\n" },
        { "a\nb\nc\n", "first\na\nb\nc\n" },
        { "a\nb\nc\n", "a\nb\nc\nlast\n" },
        { "a\nb\nc", "a\nb\nC" },
        { "a\nb\nc", "a\nb\nc\n" },
        { "a\nb\nc\n", "a\nb\nc" },
        { "one\r\ntwo\r\nthree\r\n", "one\r\n2\r\nthree\r\n" },
        { string.Join('\n', Enumerable.Range(1, 40)) + "\n", string.Join('\n', Enumerable.Range(1, 40).Select(i => i is 3 or 30 ? $"changed {i}" : $"{i}")) + "\n" },
        { "", "new\n" },
        { "only\n", "" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void The_diff_applies_with_git_and_gives_exactly_the_new_text(string before, string after)
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("dir", "file.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, before);
        File.WriteAllText(directory.Combine("change.patch"), UnifiedDiff.Create("dir/file.txt", before, after));

        LocalGit.Run(directory.Path, "apply", "--whitespace=nowarn", "change.patch");

        Assert.Equal(after, File.ReadAllText(file));
    }

    [Fact]
    public void Separate_changes_make_separate_hunks_and_equal_texts_no_diff()
    {
        var before = string.Join('\n', Enumerable.Range(1, 40)) + "\n";
        var after = before.Replace("\n3\n", "\nthree\n", StringComparison.Ordinal).Replace("\n30\n", "\nthirty\n", StringComparison.Ordinal);

        Assert.Equal(2, UnifiedDiff.Create("f", before, after).Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Equal("", UnifiedDiff.Create("f", before, before));
    }
}
