namespace Amas.Orleans.Analysis.Security.Code;

/// <summary>The file extensions each rule family reads.</summary>
internal static class CodeLanguages
{
    public static readonly IReadOnlySet<string> Python = new HashSet<string>(StringComparer.Ordinal) { ".py", ".pyw" };

    public static readonly IReadOnlySet<string> JavaScript = new HashSet<string>(StringComparer.Ordinal)
    {
        ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte",
    };

    public static readonly IReadOnlySet<string> CSharp = new HashSet<string>(StringComparer.Ordinal) { ".cs" };

    public static readonly IReadOnlySet<string> Java = new HashSet<string>(StringComparer.Ordinal) { ".java", ".kt" };

    public static readonly IReadOnlySet<string> Go = new HashSet<string>(StringComparer.Ordinal) { ".go" };

    public static readonly IReadOnlySet<string> Any = new HashSet<string>(StringComparer.Ordinal);
}
