using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>
/// The <c># name=value</c> lines BuildKit honours at the very top of a Dockerfile. The first line that is not a
/// known directive (a comment, a blank line, an instruction, an unknown name) ends them, and everything after is an
/// ordinary comment, exactly as BuildKit treats it.
/// </summary>
internal static partial class ParserDirectives
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "syntax", "escape", "check" };

    [GeneratedRegex(@"^\s*#\s*(?<name>[A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?<value>.*?)\s*$")]
    private static partial Regex Directive();

    public static (Dictionary<string, string> Directives, char Escape) Read(
        IReadOnlyList<string> lines,
        List<ParseDiagnostic> diagnostics)
    {
        var directives = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var escapeLine = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var match = Directive().Match(lines[i]);
            if (!match.Success || !Known.Contains(match.Groups["name"].Value))
            {
                break;
            }

            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (!directives.TryAdd(name, match.Groups["value"].Value))
            {
                diagnostics.Add(new ParseDiagnostic(i + 1, $"The parser directive '{name}' is given twice.", lines[i].Trim()));
                break;
            }

            if (name == "escape")
            {
                escapeLine = i + 1;
            }
        }

        var escape = '\\';
        if (directives.TryGetValue("escape", out var value))
        {
            if (value is "`" or "\\")
            {
                escape = value[0];
            }
            else
            {
                diagnostics.Add(new ParseDiagnostic(
                    escapeLine, $"The escape directive accepts only \\ or `, not '{value}'.", lines[escapeLine - 1].Trim()));
            }
        }

        return (directives, escape);
    }
}
