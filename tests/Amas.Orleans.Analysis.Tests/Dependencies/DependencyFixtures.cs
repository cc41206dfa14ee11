using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

/// <summary>Paths of the fixture set copied next to the test assembly, and checkouts built from folders.</summary>
internal static class DependencyFixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Dependencies", "Fixtures");

    public static string Advisories { get; } = Path.Combine(Root, "osv");

    public static string Repository { get; } = Path.Combine(Root, "repo");

    /// <summary>The official OpenSSF schema, copied from the shared schemas folder so the tests are self-contained.</summary>
    public static string SchemaPath { get; } = Path.Combine(Root, "osv-schema.json");

    public static string Advisory(string id) => File.ReadAllText(Path.Combine(Advisories, id + ".json"));

    public static RepositoryCheckout Checkout(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(full => new RepositoryFile(
                Path.GetRelativePath(root, full).Replace('\\', '/'), full, new FileInfo(full).Length))
            .ToList();
        return new RepositoryCheckout(root, Commit: null, files, SkippedBinary: 0, SkippedOversized: 0);
    }
}
