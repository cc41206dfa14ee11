using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Repositories;

public sealed class RepositoryWalkerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public RepositoryWalkerTests() => _root = _temp.CreateDirectory("repo");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Text_files_are_listed_in_ordinal_order_with_forward_slashes_and_their_lengths()
    {
        _temp.WriteFile("repo/src/b.cs", "class B {}");
        _temp.WriteFile("repo/src/A.cs", "class A {}");
        _temp.WriteFile("repo/README.md", "# readme");
        _temp.WriteFile("repo/.github/workflows/ci.yml", "on: push");

        var checkout = Walker().Walk(_root, "abc", CancellationToken.None);

        Assert.Equal([".github/workflows/ci.yml", "README.md", "src/A.cs", "src/b.cs"], checkout.Files.Select(f => f.RelativePath));
        Assert.Equal(Path.Combine(_root, "src", "A.cs"), checkout.Files[2].FullPath);
        Assert.Equal(10, checkout.Files[2].Length);
        Assert.Equal(_root, checkout.Root);
        Assert.Equal("abc", checkout.Commit);
    }

    [Fact]
    public void Git_internals_binaries_and_oversized_files_are_skipped_and_binaries_and_oversized_are_counted()
    {
        LocalGit.Init(_root);
        _temp.WriteFile("repo/keep.txt", "kept");
        File.WriteAllBytes(Path.Combine(_root, "image.png"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        _temp.WriteFile("repo/big.log", new string('x', 2048));
        _temp.WriteFile("repo/sub/.git", "gitdir: ../.git/modules/sub");

        var checkout = Walker(maxFileBytes: 1024).Walk(_root, null, CancellationToken.None);

        Assert.Equal(["keep.txt"], checkout.Files.Select(f => f.RelativePath));
        Assert.Equal(1, checkout.SkippedBinary);
        Assert.Equal(1, checkout.SkippedOversized);
    }

    [Fact]
    public void A_nul_byte_after_the_first_8_KiB_does_not_make_a_file_binary()
    {
        var content = new byte[9000];
        Array.Fill(content, (byte)'a');
        content[8500] = 0;
        File.WriteAllBytes(Path.Combine(_root, "late-nul.txt"), content);

        var checkout = Walker().Walk(_root, null, CancellationToken.None);

        Assert.Equal(["late-nul.txt"], checkout.Files.Select(f => f.RelativePath));
        Assert.Equal(0, checkout.SkippedBinary);
    }

    [Fact]
    public void Symlinked_directories_are_not_followed_and_symlinked_files_leading_outside_are_skipped()
    {
        var outside = _temp.CreateDirectory("outside");
        _temp.WriteFile("outside/secret.txt", "secret");
        _temp.WriteFile("repo/real/inner.txt", "inner");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked-dir"), outside);
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked-inner-dir"), Path.Combine(_root, "real"));
        File.CreateSymbolicLink(Path.Combine(_root, "leak.txt"), Path.Combine(outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_root, "alias.txt"), "real/inner.txt");

        var checkout = Walker().Walk(_root, null, CancellationToken.None);

        Assert.Equal(["alias.txt", "real/inner.txt"], checkout.Files.Select(f => f.RelativePath));
        Assert.Equal(5, checkout.Files[0].Length);
    }

    [Fact]
    public void Walking_a_root_reached_through_a_symlink_reports_the_resolved_root()
    {
        _temp.WriteFile("repo/a.txt", "a");
        var link = _temp.Combine("repo-link");
        Directory.CreateSymbolicLink(link, _root);

        var checkout = Walker().Walk(link, null, CancellationToken.None);

        Assert.Equal(_root, checkout.Root);
        Assert.Equal(["a.txt"], checkout.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void A_cancelled_walk_throws()
    {
        _temp.WriteFile("repo/a.txt", "a");

        Assert.ThrowsAny<OperationCanceledException>(() => Walker().Walk(_root, null, new CancellationToken(canceled: true)));
    }

    private static RepositoryWalker Walker(long maxFileBytes = 1024 * 1024) =>
        new(Options.Create(new RepositoryOptions { MaxFileBytes = maxFileBytes }), NullLogger<RepositoryWalker>.Instance);
}
