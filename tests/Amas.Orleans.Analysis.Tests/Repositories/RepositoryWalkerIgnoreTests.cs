using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Repositories;

/// <summary>The walk leaves out what git ignores, construct by construct, and counts what it left out.</summary>
public sealed class RepositoryWalkerIgnoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public RepositoryWalkerIgnoreTests() => _root = _temp.CreateDirectory("repo");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_root_gitignore_name_pattern_matches_at_any_depth_and_is_counted()
    {
        Write(".gitignore", "*.log\n# a comment\n\n");
        Write("app.log", "x");
        Write("src/deep/trace.log", "x");
        Write("src/app.cs", "x");

        var checkout = Walk();

        Assert.Equal([".gitignore", "src/app.cs"], Paths(checkout));
        Assert.Equal(2, checkout.SkippedIgnored);
    }

    [Fact]
    public void A_directory_only_pattern_skips_directories_but_not_files_of_that_name()
    {
        Write(".gitignore", "build/\n");
        Write("build/out.txt", "x");
        Write("src/build/gen.cs", "x");
        Write("docs/build", "a file named build");

        var checkout = Walk();

        Assert.Equal([".gitignore", "docs/build"], Paths(checkout));
        Assert.Equal(2, checkout.SkippedIgnored);
    }

    [Fact]
    public void A_leading_slash_anchors_the_pattern_to_its_directory()
    {
        Write(".gitignore", "/config.json\n");
        Write("config.json", "x");
        Write("sub/config.json", "x");

        Assert.Equal([".gitignore", "sub/config.json"], Paths(Walk()));
    }

    [Fact]
    public void A_slash_in_the_middle_also_anchors_the_pattern()
    {
        Write(".gitignore", "doc/*.txt\n");
        Write("doc/notes.txt", "x");
        Write("doc/api/notes.txt", "x");
        Write("other/doc/notes.txt", "x");

        Assert.Equal([".gitignore", "doc/api/notes.txt", "other/doc/notes.txt"], Paths(Walk()));
    }

    [Fact]
    public void A_negation_re_includes_a_file_a_later_line_wins()
    {
        Write(".gitignore", "*.env\n!example.env\n");
        Write("prod.env", "x");
        Write("example.env", "x");

        Assert.Equal([".gitignore", "example.env"], Paths(Walk()));
    }

    [Fact]
    public void A_file_inside_an_ignored_directory_cannot_be_re_included()
    {
        Write(".gitignore", "vendor/\n!vendor/keep.txt\n");
        Write("vendor/keep.txt", "x");

        Assert.Equal([".gitignore"], Paths(Walk()));
    }

    [Fact]
    public void Double_stars_span_any_number_of_directories()
    {
        Write(".gitignore", "**/generated/**\na/**/b.txt\nlogs/**\n");
        Write("x/y/generated/code.cs", "x");
        Write("a/b.txt", "x");
        Write("a/m/n/b.txt", "x");
        Write("a/m/c.txt", "x");
        Write("logs/2024/app.txt", "x");

        Assert.Equal([".gitignore", "a/m/c.txt"], Paths(Walk()));
    }

    [Fact]
    public void Character_classes_and_question_marks_match_one_character()
    {
        Write(".gitignore", "file[0-9].txt\nname?.md\n[!a]z.txt\n");
        Write("file1.txt", "x");
        Write("fileA.txt", "x");
        Write("name1.md", "x");
        Write("name12.md", "x");
        Write("az.txt", "x");
        Write("bz.txt", "x");

        Assert.Equal([".gitignore", "az.txt", "fileA.txt", "name12.md"], Paths(Walk()));
    }

    [Fact]
    public void A_nested_gitignore_applies_below_its_directory_and_overrides_the_root()
    {
        Write(".gitignore", "*.tmp\n");
        Write("pkg/.gitignore", "!keep.tmp\n/local.txt\n");
        Write("pkg/keep.tmp", "x");
        Write("pkg/drop.tmp", "x");
        Write("pkg/local.txt", "x");
        Write("pkg/sub/local.txt", "x");
        Write("local.txt", "x");
        Write("keep.tmp", "x");

        Assert.Equal([".gitignore", "local.txt", "pkg/.gitignore", "pkg/keep.tmp", "pkg/sub/local.txt"], Paths(Walk()));
    }

    [Fact]
    public void Git_info_exclude_is_honoured_and_the_git_directory_is_always_skipped()
    {
        LocalGit.Init(_root);
        Write(".git/info/exclude", "secret-notes.md\n");
        Write("secret-notes.md", "x");
        Write("readme.md", "x");

        var checkout = Walk();

        Assert.Equal(["readme.md"], Paths(checkout));
        Assert.Equal(1, checkout.SkippedIgnored);
    }

    [Fact]
    public void Escapes_and_trailing_spaces_follow_git()
    {
        Write(".gitignore", "\\#notes\n\\!bang\ntrailing   \n");
        Write("#notes", "x");
        Write("!bang", "x");
        Write("trailing", "x");
        Write("kept", "x");

        Assert.Equal([".gitignore", "kept"], Paths(Walk()));
    }

    [Fact]
    public void Without_ignore_files_nothing_is_counted_as_ignored()
    {
        Write("a.txt", "x");

        Assert.Equal(0, Walk().SkippedIgnored);
    }

    [Fact]
    public void A_utf16_file_with_a_byte_order_mark_is_text_not_binary()
    {
        File.WriteAllBytes(Path.Combine(_root, "wide.txt"), [0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0]);

        var checkout = Walk();

        Assert.Equal(["wide.txt"], Paths(checkout));
        Assert.Equal(0, checkout.SkippedBinary);
    }

    private void Write(string relativePath, string content) => _temp.WriteFile("repo/" + relativePath, content);

    private RepositoryCheckout Walk() =>
        new RepositoryWalker(Options.Create(new RepositoryOptions()), NullLogger<RepositoryWalker>.Instance)
            .Walk(_root, null, CancellationToken.None);

    private static List<string> Paths(RepositoryCheckout checkout) => [.. checkout.Files.Select(f => f.RelativePath)];
}
