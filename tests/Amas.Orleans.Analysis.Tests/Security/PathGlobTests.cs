using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("**/testdata/**", "a/b/testdata/key.pem", true)]
    [InlineData("**/testdata/**", "testdata/key.pem", true)]
    [InlineData("**/testdata/**", "a/testdatax/key.pem", false)]
    [InlineData("*.lock", "Cargo.lock", true)]
    [InlineData("*.lock", "deep/in/poetry.lock", true)]
    [InlineData("*.lock", "lockfile.txt", false)]
    [InlineData("testdata", "pkg/testdata/a/b.txt", true)]
    [InlineData("docs/*.md", "docs/setup.md", true)]
    [InlineData("docs/*.md", "docs/deep/setup.md", false)]
    [InlineData("docs/*.md", "other/docs/setup.md", false)]
    [InlineData("fixtures/key[0-9].txt", "fixtures/key7.txt", true)]
    [InlineData("fixtures/key[!0-9].txt", "fixtures/key7.txt", false)]
    [InlineData("./src/gen/**", "src/gen/a/b.cs", true)]
    public void A_glob_matches_a_path_or_one_of_its_directories(string glob, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(glob).Matches(path));
    }
}
