using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Roslyn's tokens as <see cref="CodeToken"/>s, so C# is measured and compared like the lexed languages.</summary>
internal static class CSharpTokens
{
    /// <summary>Every real token under <paramref name="node"/>; missing tokens that error recovery invented are not text.</summary>
    public static CodeToken[] Of(SyntaxNode node, Func<SyntaxNode, bool>? descendInto = null) =>
        [.. node.DescendantTokens(descendInto)
            .Where(t => t.Span.Length > 0 && !t.IsKind(SyntaxKind.EndOfFileToken))
            .Select(t => new CodeToken(t.SpanStart, t.Span.Length, KindOf(t)))];

    /// <summary>
    /// A file's tokens without its using directives and namespace names: every file starts with a similar block of
    /// them, and two files are not copies for sharing it.
    /// </summary>
    public static CodeToken[] OfCode(SyntaxNode root) =>
        [.. root.DescendantTokens(node => node is not (UsingDirectiveSyntax or ExternAliasDirectiveSyntax))
            .Where(t => t.Span.Length > 0 && !t.IsKind(SyntaxKind.EndOfFileToken) && !IsNamespaceHeader(t))
            .Select(t => new CodeToken(t.SpanStart, t.Span.Length, KindOf(t)))];

    private static bool IsNamespaceHeader(SyntaxToken token)
    {
        var node = token.Parent;
        while (node is NameSyntax)
        {
            node = node.Parent;
        }

        return node is BaseNamespaceDeclarationSyntax declaration
            && (token.Parent is NameSyntax || token == declaration.NamespaceKeyword
                || declaration is FileScopedNamespaceDeclarationSyntax scoped && token == scoped.SemicolonToken);
    }

    private static CodeTokenKind KindOf(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => CodeTokenKind.Identifier,
        SyntaxKind.NumericLiteralToken => CodeTokenKind.Number,
        SyntaxKind.StringLiteralToken
            or SyntaxKind.CharacterLiteralToken
            or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken
            or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringTextToken
            or SyntaxKind.InterpolatedStringStartToken
            or SyntaxKind.InterpolatedVerbatimStringStartToken
            or SyntaxKind.InterpolatedSingleLineRawStringStartToken
            or SyntaxKind.InterpolatedMultiLineRawStringStartToken => CodeTokenKind.Text,
        var kind when SyntaxFacts.IsKeywordKind(kind) => CodeTokenKind.Keyword,
        _ => CodeTokenKind.Operator,
    };
}
