using Amas.Orleans.Analysis.Dependencies;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class ManifestRobustnessTests
{
    public static TheoryData<string> FixtureManifests() =>
        [.. Directory.EnumerateFiles(DependencyFixtures.Repository, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DependencyFixtures.Repository, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FixtureManifests))]
    public void Every_truncation_of_a_fixture_manifest_is_read_or_counted_never_thrown(string path)
    {
        var text = File.ReadAllText(Path.Combine(DependencyFixtures.Repository, path));
        var scanner = new ManifestScanner();

        for (var length = 0; length <= text.Length; length += 3)
        {
            var result = scanner.Read(new SourceFile(path, text[..length]));

            Assert.True(result.Error is not null || result.Dependencies.All(d => d.Line >= 1), $"cut at {length}");
        }
    }
}
