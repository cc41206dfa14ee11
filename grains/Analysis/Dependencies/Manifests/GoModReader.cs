namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// go.mod require directives, single-line and in blocks. "// indirect" marks a module needed only by dependencies.
/// replace and exclude directives are not applied: the audit reports what the file requires.
/// </summary>
public sealed class GoModReader : IManifestReader
{
    public Ecosystem Ecosystem => Ecosystem.Go;

    public bool CanRead(string path) => ManifestNames.Is(path, "go.mod");

    public IReadOnlyList<Dependency> Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var dependencies = new List<Dependency>();
        string? block = null;
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var (code, comment) = Split(lines[i]);
            if (code.Length == 0)
            {
                continue;
            }

            if (block is not null)
            {
                if (code == ")")
                {
                    block = null;
                }
                else if (block == "require")
                {
                    dependencies.Add(Require(code, comment, file.Path, i + 1));
                }

                continue;
            }

            var words = code.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[1] == "(")
            {
                block = words[0];
            }
            else if (words[0] == "require")
            {
                dependencies.Add(Require(words.Length > 1 ? words[1] : "", comment, file.Path, i + 1));
            }
        }

        if (block is not null)
        {
            throw new ManifestFormatException($"go.mod ends inside a {block} block.");
        }

        return dependencies;
    }

    private static Dependency Require(string spec, string comment, string path, int line)
    {
        var parts = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[1].StartsWith('v'))
        {
            throw new ManifestFormatException($"Line {line}: a requirement is a module path and a version.");
        }

        var indirect = comment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.TrimEnd(';') == "indirect");
        return new Dependency(Ecosystem.Go, parts[0].Trim('"', '`'), parts[1], path, line, Direct: !indirect);
    }

    private static (string Code, string Comment) Split(string line)
    {
        var at = line.IndexOf("//", StringComparison.Ordinal);
        return at < 0 ? (line.Trim(), "") : (line[..at].Trim(), line[(at + 2)..].Trim());
    }
}
