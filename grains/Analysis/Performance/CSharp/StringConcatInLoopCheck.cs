using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// <c>s += …</c> (or <c>s = s + …</c>) in a loop's repeated part, on a string declared outside that loop. Strings are
/// immutable, so each step copies everything built so far: the loop is quadratic in the result's length. A string
/// is recognised by its declaration in the file: <c>string s</c> (or <c>String</c>), or <c>var s</c> initialised
/// with a string literal, an interpolated string or <c>string.Empty</c>.
/// </summary>
internal static class StringConcatInLoopCheck
{
    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        foreach (var assignment in source.Root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: var name }
                || !IsConcatenation(assignment, name)
                || CSharpLoops.Enclosing(assignment) is not { } loop
                || CSharpDeclarations.Find(assignment, name) is not { } declaration
                || loop.Span.Contains(declaration.Node.Span)
                || !IsString(declaration))
            {
                continue;
            }

            yield return CSharpSource.Hit(
                assignment,
                $"'{CSharpSource.Quote(assignment)}' copies the whole string '{name}' on every iteration of the loop.");
        }
    }

    private static bool IsConcatenation(AssignmentExpressionSyntax assignment, string name) =>
        assignment.IsKind(SyntaxKind.AddAssignmentExpression)
        || assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && assignment.Right is BinaryExpressionSyntax { Left: IdentifierNameSyntax left } sum
            && sum.IsKind(SyntaxKind.AddExpression) && left.Identifier.ValueText == name;

    private static bool IsString(CSharpDeclaration declaration) =>
        declaration.TypeName is { } type
            ? type is "string" or "String"
            : declaration.Initializer is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                || declaration.Initializer is InterpolatedStringExpressionSyntax
                || declaration.Initializer is MemberAccessExpressionSyntax
                {
                    Expression: PredefinedTypeSyntax { Keyword.ValueText: "string" } or IdentifierNameSyntax { Identifier.ValueText: "String" },
                    Name.Identifier.ValueText: "Empty",
                };
}
