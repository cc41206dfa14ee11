using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Documentation;

/// <summary>
/// Finds the public surface of a file, line by line, per language: public types in C# and Java, exported
/// declarations in JavaScript/TypeScript, capitalised top-level functions and types in Go, top-level functions and
/// classes without a leading underscore in Python. A doc comment counts when it is where the language's tools read
/// it: <c>///</c> or <c>/** */</c> right above (attributes and annotations between are allowed), a Go comment right
/// above, a Python docstring as the first statement.
/// </summary>
public static partial class PublicApiScanner
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.Ordinal) { ".cs", ".java", ".py", ".js", ".mjs", ".ts", ".go" };

    public static IReadOnlyList<PublicApi> Scan(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!Extensions.Contains(file.Extension) || IsTestOrPrivate(file.Path))
        {
            return [];
        }

        var lines = file.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var found = new List<PublicApi>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Declaration(file.Extension, lines[i]) is not { } declaration)
            {
                continue;
            }

            var documented = file.Extension == ".py" ? HasDocstring(lines, i) : HasCommentAbove(file.Extension, lines, i);
            found.Add(new PublicApi(declaration.Name, declaration.Kind, i + 1, lines[i].Trim(), documented));
        }

        return found;
    }

    /// <summary>Tests, examples of internals and private modules are not the public surface.</summary>
    public static bool IsTestOrPrivate(string path)
    {
        var segments = path.Split('/');
        if (segments[..^1].Any(s => s is "test" or "tests" or "__tests__" or "spec" or "testdata" or "internal"))
        {
            return true;
        }

        var name = segments[^1];
        return name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal)
            || name.EndsWith("Test.java", StringComparison.Ordinal) || name.EndsWith("_test.go", StringComparison.Ordinal)
            || name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal)
            || name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal)
            || (name.StartsWith('_') && name != "__init__.py");
    }

    private static (string Name, string Kind)? Declaration(string extension, string line)
    {
        var match = extension switch
        {
            ".cs" => CSharpType().Match(line),
            ".java" => JavaType().Match(line),
            ".py" => PythonTopLevel().Match(line),
            ".go" => GoTopLevel().Match(line),
            _ => JavaScriptExport().Match(line),
        };
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        return extension == ".py" && name.StartsWith('_') ? null : (name, KindName(match.Groups["kind"].Value));
    }

    private static string KindName(string keyword) => keyword switch
    {
        "def" or "async def" or "func" or "function" or "function*" => "function",
        "@interface" => "annotation",
        _ => keyword.Split(' ')[0],
    };

    private static bool HasCommentAbove(string extension, string[] lines, int index)
    {
        var above = index - 1;
        while (above >= 0 && IsDecoration(extension, lines[above].Trim()))
        {
            above--;
        }

        if (above < 0)
        {
            return false;
        }

        var text = lines[above].Trim();
        return extension switch
        {
            ".cs" => text.StartsWith("///", StringComparison.Ordinal) || (text.EndsWith("*/", StringComparison.Ordinal) && BlockStartsWithDoc(lines, above)),
            ".go" => text.StartsWith("//", StringComparison.Ordinal),
            _ => text.EndsWith("*/", StringComparison.Ordinal) && BlockStartsWithDoc(lines, above),
        };
    }

    private static bool IsDecoration(string extension, string line) => extension switch
    {
        ".cs" => line.StartsWith('[') && line.EndsWith(']'),
        ".java" or ".ts" => line.StartsWith('@'),
        _ => false,
    };

    private static bool BlockStartsWithDoc(string[] lines, int end)
    {
        for (var i = end; i >= 0 && end - i < 200; i--)
        {
            var text = lines[i].TrimStart();
            if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                return text.StartsWith("/**", StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>The first statement after the signature (which may span lines up to its closing colon) is a string literal.</summary>
    private static bool HasDocstring(string[] lines, int index)
    {
        var i = index;
        while (i < lines.Length && !lines[i].TrimEnd().EndsWith(':'))
        {
            i++;
        }

        for (i++; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            return PythonDocstring().IsMatch(text);
        }

        return false;
    }

    [GeneratedRegex(@"^\s*public\s+(?:(?:static|sealed|abstract|partial|readonly|ref|unsafe|new)\s+)*(?<kind>class|record struct|record class|record|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex CSharpType();

    [GeneratedRegex(@"^\s*public\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\s+)*(?<kind>class|interface|enum|record|@interface)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex JavaType();

    [GeneratedRegex(@"^(?<kind>async def|def|class)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex PythonTopLevel();

    [GeneratedRegex(@"^(?:(?<kind>func)\s+(?:\([^)]*\)\s*)?(?<name>[A-Z]\w*)\s*[\[(]|(?<kind>type)\s+(?<name>[A-Z]\w*)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex GoTopLevel();

    [GeneratedRegex(@"^\s*export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?<kind>function\*?|class|interface|type|enum|const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)", RegexOptions.CultureInvariant)]
    private static partial Regex JavaScriptExport();

    [GeneratedRegex(@"^[rRbBuU]{0,2}(""""""|''')", RegexOptions.CultureInvariant)]
    private static partial Regex PythonDocstring();
}
