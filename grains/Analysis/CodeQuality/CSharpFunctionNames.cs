using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Names C# functions the way a reader would look them up: containing types, the member, and parameter types so
/// overloads stay apart (<c>Shop.Cart.Add(Item, int)</c>, <c>Cart.Total.get</c>, <c>Cart.operator +(Cart, Cart)</c>).
/// </summary>
internal static class CSharpFunctionNames
{
    public static string Of(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax m => $"{Owner(m)}{m.Identifier.Text}{TypeParameters(m.TypeParameterList)}{Parameters(m.ParameterList)}",
        ConstructorDeclarationSyntax c => $"{Owner(c)}{Static(c.Modifiers)}{c.Identifier.Text}{Parameters(c.ParameterList)}",
        DestructorDeclarationSyntax d => $"{Owner(d)}~{d.Identifier.Text}()",
        OperatorDeclarationSyntax o => $"{Owner(o)}operator {o.OperatorToken.Text}{Parameters(o.ParameterList)}",
        ConversionOperatorDeclarationSyntax c =>
            $"{Owner(c)}{c.ImplicitOrExplicitKeyword.Text} operator {Squash(c.Type)}{Parameters(c.ParameterList)}",
        LocalFunctionStatementSyntax l => $"{Owner(l)}{l.Identifier.Text}{TypeParameters(l.TypeParameterList)}{Parameters(l.ParameterList)}",
        AccessorDeclarationSyntax a => $"{Owner(a)}{Member(a.Parent?.Parent)}.{a.Keyword.Text}",
        PropertyDeclarationSyntax or IndexerDeclarationSyntax => $"{Owner(function)}{Member(function)}.get",
        _ => function.Kind().ToString(),
    };

    /// <summary>The enclosing function (for local functions) or the chain of enclosing types, with a trailing dot.</summary>
    private static string Owner(SyntaxNode node)
    {
        var parts = new List<string>();
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                parts.Add(Of(ancestor));
                break;
            }

            if (ancestor is BaseTypeDeclarationSyntax type)
            {
                parts.Add(type.Identifier.Text);
            }
        }

        parts.Reverse();
        return parts.Count == 0 ? "" : string.Join('.', parts) + ".";
    }

    private static string Member(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax p => p.Identifier.Text,
        EventDeclarationSyntax e => e.Identifier.Text,
        IndexerDeclarationSyntax i => $"this[{string.Join(", ", i.ParameterList.Parameters.Select(Parameter))}]",
        _ => "?",
    };

    private static string Parameters(ParameterListSyntax list) =>
        $"({string.Join(", ", list.Parameters.Select(Parameter))})";

    private static string Parameter(ParameterSyntax parameter)
    {
        var type = parameter.Type is null ? parameter.Identifier.Text : Squash(parameter.Type);
        return parameter.Modifiers.Count == 0 ? type : $"{string.Join(' ', parameter.Modifiers.Select(m => m.Text))} {type}";
    }

    private static string TypeParameters(TypeParameterListSyntax? list) =>
        list is null ? "" : $"<{string.Join(", ", list.Parameters.Select(p => p.Identifier.Text))}>";

    private static string Static(SyntaxTokenList modifiers) =>
        modifiers.Any(SyntaxKind.StaticKeyword) ? "static " : "";

    /// <summary>Source text of a type with its whitespace collapsed, so line breaks in a signature do not leak in.</summary>
    private static string Squash(SyntaxNode node) =>
        string.Join(' ', node.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
