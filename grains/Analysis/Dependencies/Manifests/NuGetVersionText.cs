using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Turns a NuGet version attribute into the one version restore resolves when that is knowable without a feed:
/// "1.2.3" (a minimum, which restore satisfies with exactly that version when it exists) and "[1.2.3]". Floating
/// versions ("1.*") and open ranges depend on the feed, so they are not guessed.
/// </summary>
internal static partial class NuGetVersionText
{
    public static string? Resolve(string? text, IReadOnlyDictionary<string, string> properties)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var expanded = Property().Replace(text.Trim(), m => properties.GetValueOrDefault(m.Groups[1].Value, m.Value));
        if (expanded.Contains("$(", StringComparison.Ordinal) || expanded.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        if (NuGetVersion.TryParse(expanded, out _))
        {
            return expanded;
        }

        return VersionRange.TryParse(expanded, out var range)
            && range.HasLowerAndUpperBounds
            && range.IsMinInclusive
            && range.IsMaxInclusive
            && range.MinVersion == range.MaxVersion
                ? range.MinVersion!.OriginalVersion ?? range.MinVersion.ToNormalizedString()
                : null;
    }

    /// <summary>Plain properties of the file's PropertyGroups ($(NewtonsoftVersion) and the like).</summary>
    public static IReadOnlyDictionary<string, string> Properties(System.Xml.Linq.XElement root) =>
        XmlManifest.Children(root, "PropertyGroup")
            .SelectMany(group => group.Elements())
            .GroupBy(e => e.Name.LocalName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Property();
}
