namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// Whether a path is test, fixture or example code, which does not ship: a directory named like one (<c>tests/</c>,
/// <c>__tests__/</c>, <c>fixtures/</c>, <c>testdata/</c>, <c>examples/</c>, <c>samples/</c>, a .NET test project
/// <c>Shop.Tests/</c>) or a file named like a test (<c>*_test.go</c>, <c>test_*.py</c>, <c>*.test.ts</c>,
/// <c>*.spec.js</c>, <c>*Tests.cs</c>, <c>*Test.java</c>).
/// </summary>
public static class ExampleCodePaths
{
    private static readonly HashSet<string> Directories = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "spec", "specs", "testdata", "test-data", "test_data",
        "fixture", "fixtures", "__fixtures__", "example", "examples", "sample", "samples",
    };

    private static readonly string[] DirectorySuffixes = [".Tests", ".Test", ".Specs", ".IntegrationTests", ".UnitTests"];

    private static readonly string[] FileSuffixes =
    [
        "_test.go", "_test.py", "_spec.rb", "_test.rb",
        ".test.js", ".test.jsx", ".test.ts", ".test.tsx", ".test.mjs", ".spec.js", ".spec.jsx", ".spec.ts", ".spec.tsx",
        "Tests.cs", "Test.cs", "Test.java", "Tests.java", "Test.kt", "Tests.kt",
    ];

    public static bool Contains(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        var name = segments[^1];
        return segments[..^1].Any(d => Directories.Contains(d) || DirectorySuffixes.Any(s => d.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            || FileSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal))
            || (name.StartsWith("test_", StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal));
    }
}
