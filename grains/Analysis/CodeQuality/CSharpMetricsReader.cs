using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Reads C# through Roslyn's syntax tree alone (no compilation, so no references are needed and broken code still
/// parses). Functions are methods, constructors, destructors, operators, conversion operators, local functions,
/// accessors with a body, and expression-bodied properties and indexers.
/// </summary>
internal static class CSharpMetricsReader
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Preview)
        .WithDocumentationMode(DocumentationMode.None);

    public static SyntaxNode Parse(SourceFile file, CancellationToken cancellationToken) =>
        CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path, cancellationToken: cancellationToken)
            .GetRoot(cancellationToken);

    public static SourceReading Read(SourceFile file, CancellationToken cancellationToken)
    {
        var root = Parse(file, cancellationToken);
        var tally = new LineTally(new LineMap(file.Text));

        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.EndOfFileToken))
            {
                tally.MarkCode(token.SpanStart, token.Span.End);
            }
        }

        foreach (var trivia in root.DescendantTrivia())
        {
            if (IsComment(trivia))
            {
                tally.AddComment(file.Text, trivia.SpanStart, trivia.Span.End);
            }
            else if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                tally.MarkCode(trivia.SpanStart, trivia.Span.End);
            }
        }

        var functions = new List<FunctionMetrics>();
        foreach (var node in root.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HasBody(node))
            {
                functions.Add(Measure(node, file.Text, tally.Lines));
            }
        }

        var metrics = tally.ToMetrics(file.Path, SourceLanguage.CSharp, functions);
        return new SourceReading(metrics, CSharpTokens.OfCode(root), tally.Lines);
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind() is SyntaxKind.SingleLineCommentTrivia
        or SyntaxKind.MultiLineCommentTrivia
        or SyntaxKind.SingleLineDocumentationCommentTrivia
        or SyntaxKind.MultiLineDocumentationCommentTrivia;

    /// <summary>Declarations without a body (abstract, interface, partial, <c>get;</c>) hold no code to measure.</summary>
    private static bool HasBody(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        LocalFunctionStatementSyntax l => l.Body is not null || l.ExpressionBody is not null,
        AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
        PropertyDeclarationSyntax p => p.ExpressionBody is not null,
        IndexerDeclarationSyntax i => i.ExpressionBody is not null,
        _ => false,
    };

    private static FunctionMetrics Measure(SyntaxNode function, string text, LineMap lines)
    {
        var walker = CSharpFunctionWalker.Measure(function);
        var start = StartOffset(function);
        var size = HalsteadMeasure.Of(text, CSharpTokens.Of(function, OwnCode(function)), NameToken(function).SpanStart, text.Length, [], lines);
        return new FunctionMetrics(
            CSharpFunctionNames.Of(function),
            lines.LineOf(start),
            lines.LineOf(Math.Max(start, function.Span.End - 1)),
            walker.Complexity,
            walker.MaxDepth)
        {
            HalsteadVolume = size.Volume,
            CodeLines = size.CodeLines,
        };
    }

    /// <summary>
    /// Where a function's measured tokens begin, as in the lexed languages: at its name (modifiers and the return type
    /// are the declaration's, not its code).
    /// </summary>
    private static SyntaxToken NameToken(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax m => m.Identifier,
        ConstructorDeclarationSyntax c => c.Identifier,
        DestructorDeclarationSyntax d => d.TildeToken,
        OperatorDeclarationSyntax o => o.OperatorKeyword,
        ConversionOperatorDeclarationSyntax c => c.ImplicitOrExplicitKeyword,
        LocalFunctionStatementSyntax l => l.Identifier,
        AccessorDeclarationSyntax a => a.Keyword,
        PropertyDeclarationSyntax p => p.Identifier,
        IndexerDeclarationSyntax i => i.ThisKeyword,
        _ => function.GetFirstToken(),
    };

    /// <summary>A function's own tokens leave out its attributes and its local functions, which are measured apart.</summary>
    private static Func<SyntaxNode, bool> OwnCode(SyntaxNode function) =>
        node => node == function || node is not (LocalFunctionStatementSyntax or AttributeListSyntax);

    /// <summary>Where the declaration proper begins: attributes above a method do not make it longer.</summary>
    private static int StartOffset(SyntaxNode function)
    {
        foreach (var child in function.ChildNodesAndTokens())
        {
            if (!child.IsKind(SyntaxKind.AttributeList) && child.Span.Length > 0)
            {
                return child.SpanStart;
            }
        }

        return function.SpanStart;
    }
}
