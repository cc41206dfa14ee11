using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// requirements*.txt, pinned requirements only ("name[extras]==version ; markers"): "&gt;=" or "~=" name a range
/// pip resolves at install time. Options (-r, -e, --index-url), URLs and wildcard pins are skipped; comments,
/// markers, trailing --hash options and backslash continuations are understood.
/// </summary>
public sealed partial class PipRequirementsReader : IManifestReader
{
    public Ecosystem Ecosystem => Ecosystem.PyPI;

    public bool CanRead(string path)
    {
        var name = ManifestNames.FileName(path);
        return name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var dependencies = new List<Dependency>();
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var logical = lines[i].TrimEnd('\r');
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1] + " " + lines[++i].TrimEnd('\r');
            }

            var requirement = Comment().Replace(logical, "").Trim();
            // Per-requirement options (--hash=sha256:…) follow the specifier; the first " --" ends it.
            var options = requirement.IndexOf(" --", StringComparison.Ordinal);
            if (options >= 0)
            {
                requirement = requirement[..options].TrimEnd();
            }

            if (requirement.Length == 0 || requirement.StartsWith('-'))
            {
                continue;
            }

            var match = Pinned().Match(requirement);
            if (match.Success && !match.Groups["version"].Value.Contains('*', StringComparison.Ordinal))
            {
                dependencies.Add(new Dependency(
                    Ecosystem.PyPI, match.Groups["name"].Value, match.Groups["version"].Value, file.Path, start + 1, Direct: true));
            }
        }

        return dependencies;
    }

    // pip treats "#" as a comment at the start of a line or after whitespace; "pkg#frag" in a URL is not one.
    [GeneratedRegex(@"(^|\s)#.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(
        @"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*===?\s*(?<version>[^\s;,]+)\s*(?:;.*)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pinned();
}
