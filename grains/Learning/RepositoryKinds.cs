namespace Amas.Orleans.Learning;

/// <summary>
/// The kind of a repository, from the marker files at its root: what the LearningSystem keys an agent's history by.
/// The first marker in <see cref="Markers"/>'s order wins, so a .NET repository with a package.json for its web
/// assets stays <c>dotnet</c>.
/// </summary>
public static class RepositoryKinds
{
    public const string None = "none";
    public const string Other = "other";

    private static readonly (string Kind, Func<string, bool> IsMarker)[] Markers =
    [
        ("dotnet", n => n.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            || n.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
            || n is "global.json" or "Directory.Build.props"),
        ("java", n => n is "pom.xml" or "build.gradle" or "build.gradle.kts"),
        ("go", n => n == "go.mod"),
        ("rust", n => n == "Cargo.toml"),
        ("python", n => n is "pyproject.toml" or "setup.py" or "setup.cfg" or "requirements.txt" or "Pipfile"),
        ("node", n => n == "package.json"),
    ];

    /// <summary>The kind for the names of the files at a repository's root.</summary>
    public static string Of(IEnumerable<string> rootFileNames)
    {
        var names = rootFileNames.ToArray();
        foreach (var (kind, isMarker) in Markers)
        {
            if (names.Any(isMarker))
            {
                return kind;
            }
        }

        return Other;
    }

    /// <summary>The kind of the repository checked out or found at <paramref name="root"/>; <see cref="None"/> without one.</summary>
    public static string OfDirectory(string? root)
    {
        if (root is null)
        {
            return None;
        }

        try
        {
            return Of(Directory.EnumerateFiles(root).Select(Path.GetFileName).OfType<string>());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Other;
        }
    }
}
