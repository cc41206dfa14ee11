using System.Text;
using System.Text.RegularExpressions;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Fixes;

/// <summary>
/// Replaces a hard-coded secret literal with a read of an environment variable, in the language of the file. The
/// variable is named after the identifier the literal was assigned to (<c>apiKey</c> → <c>API_KEY</c>). Files of
/// other kinds (configuration, .env, YAML) get no rewrite: where the value should live there is the operator's call.
/// </summary>
public static partial class SecretFixes
{
    /// <summary>The lookup expression per file extension; {0} is the variable name.</summary>
    private static readonly IReadOnlyDictionary<string, string> Lookups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = "os.environ.get(\"{0}\", \"\")",
        [".js"] = "process.env.{0}",
        [".mjs"] = "process.env.{0}",
        [".cjs"] = "process.env.{0}",
        [".ts"] = "process.env.{0}",
        [".cs"] = "(System.Environment.GetEnvironmentVariable(\"{0}\") ?? \"\")",
        [".java"] = "System.getenv(\"{0}\")",
        [".rb"] = "ENV.fetch(\"{0}\", \"\")",
        [".php"] = "getenv('{0}')",
        [".go"] = "os.Getenv(\"{0}\")",
    };

    /// <summary>Whether a finding of this agent and category is a hard-coded secret this class can rewrite.</summary>
    public static bool Handles(Finding finding)
        => finding.Category == "secrets" && finding.File is { } file && Lookups.ContainsKey(Path.GetExtension(file));

    public static string? TryFix(Finding finding, FileEdit edit)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(edit);
        if (!Handles(finding) || finding.Line is not { } line || !edit.Has(line) || finding.EndLine is not null)
        {
            return null;
        }

        var extension = Path.GetExtension(finding.File!);
        var text = edit[line];
        var literals = Literal().Matches(text).Where(m => m.Length > 2).ToList();
        if (literals.Count == 0)
        {
            return null;
        }

        var column = (finding.Column ?? 1) - 1;
        var literal = literals.FirstOrDefault(m => m.Index <= column && column < m.Index + m.Length)
            ?? literals.FirstOrDefault(m => m.Index >= column)
            ?? literals.MaxBy(m => m.Length)!;

        // Constants cannot hold a run-time lookup in C#, and Go needs its os import: leave those to a person.
        if ((extension == ".cs" && CSharpConst().IsMatch(text)) || (extension == ".go" && !GoImportsOs().IsMatch(edit.Original)))
        {
            return null;
        }

        var name = VariableName(text[..literal.Index]) ?? "APP_SECRET";
        var lookup = string.Format(System.Globalization.CultureInfo.InvariantCulture, Lookups[extension], name);
        edit[line] = text[..literal.Index] + lookup + text[(literal.Index + literal.Length)..];
        if (extension == ".py" && !PythonImportsOs().IsMatch(edit.Original) && !edit.InsertsAnywhere("import os"))
        {
            edit.InsertBefore(PythonImportLine(edit), "import os");
        }

        return $"read the secret from the environment variable {name} instead of the source";
    }

    /// <summary>The identifier assigned just before the literal, in upper snake case.</summary>
    private static string? VariableName(string before)
    {
        var match = AssignedName().Match(before);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var snake = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                snake.Append('_');
            }

            snake.Append(c is '-' or '.' ? '_' : char.ToUpperInvariant(c));
        }

        return snake.ToString().Trim('_') is { Length: > 0 } result ? result : null;
    }

    /// <summary>After a shebang, encoding line and module docstring: before the first statement.</summary>
    private static int PythonImportLine(FileEdit edit)
    {
        var line = 1;
        while (line <= edit.LineCount && (edit[line].StartsWith("#", StringComparison.Ordinal) || edit[line].Trim().Length == 0))
        {
            line++;
        }

        if (line <= edit.LineCount && edit[line].TrimStart().StartsWith("from __future__", StringComparison.Ordinal))
        {
            line++;
        }

        return line;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)[""']?\s*(?::=|=>|=|:)\s*(?:new\s+\w+\s*\(\s*)?$")]
    private static partial Regex AssignedName();

    [GeneratedRegex(@"\bconst\b")]
    private static partial Regex CSharpConst();

    [GeneratedRegex(@"^\s*(?:import\s+os\b|from\s+os\s+import\b)", RegexOptions.Multiline)]
    private static partial Regex PythonImportsOs();

    [GeneratedRegex(@"""os""")]
    private static partial Regex GoImportsOs();
}
