using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// The <c>[[package]]</c> entries of a TOML lock file (Cargo.lock, poetry.lock) with the line of each key, read from
/// Tomlyn's syntax tree because the object model keeps no positions.
/// </summary>
internal static class TomlPackages
{
    public static IReadOnlyList<IReadOnlyDictionary<string, (string Value, int Line)>> Read(string text, string path)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, path, validate: true);
        }
        catch (Tomlyn.TomlException e)
        {
            throw new ManifestFormatException($"Not valid TOML: {e.Message}");
        }

        if (document.HasErrors)
        {
            var first = document.Diagnostics.FirstOrDefault();
            throw new ManifestFormatException($"Not valid TOML: {first}");
        }

        var packages = new List<IReadOnlyDictionary<string, (string, int)>>();
        foreach (var table in document.Tables.OfType<TableArraySyntax>())
        {
            if (Key(table.Name) != "package")
            {
                continue;
            }

            var values = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
            foreach (var item in table.Items.OfType<KeyValueSyntax>())
            {
                if (item.Value is StringValueSyntax { Value: { } value } && Key(item.Key) is { } key)
                {
                    values.TryAdd(key, (value, item.Span.Start.Line + 1));
                }
            }

            packages.Add(values);
        }

        return packages;
    }

    private static string? Key(KeySyntax? key) => key?.ToString()?.Trim().Trim('"', '\'');
}
