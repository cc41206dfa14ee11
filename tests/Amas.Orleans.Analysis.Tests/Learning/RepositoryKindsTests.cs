using Amas.Orleans.Learning;

namespace Amas.Orleans.Analysis.Tests.Learning;

public sealed class RepositoryKindsTests
{
    [Theory]
    [InlineData("dotnet", new[] { "README.md", "Amas.Orleans.sln", "package.json" })]
    [InlineData("dotnet", new[] { "Tool.csproj" })]
    [InlineData("go", new[] { "go.mod", "main.go" })]
    [InlineData("rust", new[] { "Cargo.toml" })]
    [InlineData("python", new[] { "pyproject.toml" })]
    [InlineData("node", new[] { "package.json", "index.js" })]
    [InlineData("java", new[] { "pom.xml" })]
    [InlineData("other", new[] { "README.md", "Makefile" })]
    public void The_first_marker_at_the_root_names_the_kind(string kind, string[] names)
        => Assert.Equal(kind, RepositoryKinds.Of(names));

    [Fact]
    public void No_repository_is_none_and_a_directory_is_read_at_its_root_only()
    {
        Assert.Equal(RepositoryKinds.None, RepositoryKinds.OfDirectory(null));
        var root = Directory.CreateTempSubdirectory("amas-kind-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "web"));
            File.WriteAllText(Path.Combine(root, "web", "package.json"), "{}");
            File.WriteAllText(Path.Combine(root, "go.mod"), "module example.invalid/x\n");
            Assert.Equal("go", RepositoryKinds.OfDirectory(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
