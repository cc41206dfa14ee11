using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// A C# file as the rules read it: Roslyn's syntax tree alone, without a compilation, so no references are needed and
/// broken code still parses. Without types every rule works from names and declarations in the same file.
/// </summary>
public sealed class CSharpSource
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Preview)
        .WithDocumentationMode(DocumentationMode.None);

    private CSharpSource(SyntaxNode root) => Root = root;

    public SyntaxNode Root { get; }

    public static CSharpSource Parse(SourceFile file, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path, cancellationToken: cancellationToken);
        return new CSharpSource(tree.GetRoot(cancellationToken));
    }

    /// <summary>A hit at <paramref name="node"/>, anchored on its enclosing member and its own text.</summary>
    public static PerformanceHit Hit(SyntaxNode node, string message) =>
        new(node.SpanStart, CSharpMembers.PathOf(node), node.ToString(), message);

    /// <summary>The construct's text for a message: its first line, shortened so a long call stays readable.</summary>
    public static string Quote(SyntaxNode node)
    {
        var text = node.ToString();
        var firstLine = text.Split('\n', 2)[0].Trim();
        return firstLine.Length <= 80 && firstLine.Length == text.Trim().Length ? firstLine : firstLine[..Math.Min(firstLine.Length, 77)] + "...";
    }
}
