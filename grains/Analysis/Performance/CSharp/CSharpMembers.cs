using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>Names and boundaries of the members around a node, from the syntax tree.</summary>
internal static class CSharpMembers
{
    /// <summary>
    /// "Type.Method.LocalFunction" for the node's enclosing declarations, outermost first; namespaces are left out so
    /// the anchor survives a namespace rename as well as a line move.
    /// </summary>
    public static string PathOf(SyntaxNode node)
    {
        var names = new List<string>();
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (NameOf(ancestor) is { } name)
            {
                names.Add(name);
            }
        }

        names.Reverse();
        return string.Join('.', names);
    }

    private static string? NameOf(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        ConstructorDeclarationSyntax ctor => ctor.Identifier.ValueText,
        DestructorDeclarationSyntax dtor => "~" + dtor.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.Type,
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault()?.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="node"/> starts a new body of code: code inside a lambda or local function runs when it
    /// is called, not where it is written, so loops outside it do not repeat it.
    /// </summary>
    public static bool IsFunctionBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax
            or AccessorDeclarationSyntax;

    /// <summary>The innermost lambda, local function or member holding <paramref name="node"/>.</summary>
    public static SyntaxNode? FunctionOf(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(IsFunctionBoundary);

    /// <summary>The simple name of a type as written: <c>Task</c> for <c>System.Threading.Tasks.Task&lt;int&gt;?</c>.</summary>
    public static string? SimpleTypeName(TypeSyntax? type) => type switch
    {
        NullableTypeSyntax nullable => SimpleTypeName(nullable.ElementType),
        QualifiedNameSyntax qualified => SimpleTypeName(qualified.Right),
        AliasQualifiedNameSyntax alias => SimpleTypeName(alias.Name),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
        ArrayTypeSyntax => "[]",
        _ => null,
    };

    /// <summary>The name an expression ends in: <c>Load</c> for <c>repo.Load&lt;T&gt;</c>, <c>x</c> for <c>this.x</c>.</summary>
    public static string? LastName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        InvocationExpressionSyntax invocation => LastName(invocation.Expression),
        ParenthesizedExpressionSyntax parenthesized => LastName(parenthesized.Expression),
        _ => null,
    };

    /// <summary>The name a member-access chain starts from: <c>orders</c> for <c>orders.Where(…).Count</c>.</summary>
    public static string? RootName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => RootName(access.Expression),
        InvocationExpressionSyntax invocation => RootName(invocation.Expression),
        ElementAccessExpressionSyntax element => RootName(element.Expression),
        ConditionalAccessExpressionSyntax conditional => RootName(conditional.Expression),
        ParenthesizedExpressionSyntax parenthesized => RootName(parenthesized.Expression),
        PostfixUnaryExpressionSyntax postfix => RootName(postfix.Operand),
        _ => null,
    };
}
