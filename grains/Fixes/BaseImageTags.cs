namespace Amas.Orleans.Fixes;

/// <summary>
/// The tag a base image is pinned to when a Dockerfile uses it untagged or as <c>latest</c>: a current stable line
/// of each well-known image, chosen so the pin keeps the same distribution family. Images not listed get no
/// deterministic pin (the version to choose is not knowable from the Dockerfile alone).
/// </summary>
public static class BaseImageTags
{
    private static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ubuntu"] = "24.04",
        ["debian"] = "bookworm",
        ["alpine"] = "3.20",
        ["busybox"] = "1.36",
        ["python"] = "3.12",
        ["node"] = "22",
        ["golang"] = "1.23",
        ["nginx"] = "1.27",
        ["redis"] = "7.4",
        ["postgres"] = "16",
        ["eclipse-temurin"] = "21",
        ["mcr.microsoft.com/dotnet/sdk"] = "8.0",
        ["mcr.microsoft.com/dotnet/aspnet"] = "8.0",
        ["mcr.microsoft.com/dotnet/runtime"] = "8.0",
    };

    /// <summary>The tag to pin <paramref name="repository"/> to (<c>docker.io/library/</c> and <c>library/</c> prefixes ignored).</summary>
    public static bool TryGet(string repository, out string tag)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var name = repository;
        foreach (var prefix in new[] { "docker.io/library/", "index.docker.io/library/", "docker.io/", "library/" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        return Tags.TryGetValue(name, out tag!);
    }
}
