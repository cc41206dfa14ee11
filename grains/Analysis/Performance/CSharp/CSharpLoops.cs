using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>Which loop repeats a node, and which names change from one iteration to the next.</summary>
internal static class CSharpLoops
{
    /// <summary>
    /// The innermost loop whose repeated part holds <paramref name="node"/>: a <c>for</c>'s condition, incrementors
    /// and body, a <c>foreach</c>'s body (its collection is evaluated once), a <c>while</c>'s or <c>do</c>'s condition
    /// and body. The search stops at a lambda, local function or member, whose body runs only when called.
    /// </summary>
    public static StatementSyntax? Enclosing(SyntaxNode node)
    {
        var child = node;
        foreach (var ancestor in node.Ancestors())
        {
            if (Repeats(ancestor, child))
            {
                return (StatementSyntax)ancestor;
            }

            if (CSharpMembers.IsFunctionBoundary(ancestor))
            {
                return null;
            }

            child = ancestor;
        }

        return null;
    }

    private static bool Repeats(SyntaxNode loop, SyntaxNode child) => loop switch
    {
        ForStatementSyntax @for => child == @for.Statement || child == @for.Condition || @for.Incrementors.Contains(child),
        CommonForEachStatementSyntax @foreach => child == @foreach.Statement,
        WhileStatementSyntax @while => child == @while.Statement || child == @while.Condition,
        DoStatementSyntax @do => child == @do.Statement || child == @do.Condition,
        _ => false,
    };

    /// <summary>
    /// Names whose value can differ per iteration of <paramref name="loop"/>: its iteration variables, locals
    /// declared inside it and anything assigned or incremented inside it.
    /// </summary>
    public static HashSet<string> ChangingNames(StatementSyntax loop)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (loop)
        {
            case ForEachStatementSyntax @foreach:
                names.Add(@foreach.Identifier.ValueText);
                break;
            case ForEachVariableStatementSyntax deconstructing:
                AddDesignated(deconstructing.Variable, names);
                break;
        }

        foreach (var node in loop.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    names.Add(declarator.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    names.Add(designation.Identifier.ValueText);
                    break;
                case AssignmentExpressionSyntax assignment when CSharpMembers.RootName(assignment.Left) is { } assigned:
                    names.Add(assigned);
                    break;
                case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax
                    when node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression)
                        || node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression):
                    if (Operand(node) is { } operand && CSharpMembers.RootName(operand) is { } incremented)
                    {
                        names.Add(incremented);
                    }

                    break;
            }
        }

        return names;
    }

    private static ExpressionSyntax? Operand(SyntaxNode node) => node switch
    {
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        PrefixUnaryExpressionSyntax prefix => prefix.Operand,
        _ => null,
    };

    private static void AddDesignated(ExpressionSyntax variable, HashSet<string> names)
    {
        foreach (var designation in variable.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
        {
            names.Add(designation.Identifier.ValueText);
        }
    }
}
