using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// Whether an expression is a task, judged from syntax alone because there is no compilation. An expression is
/// task-like when it is
/// <list type="bullet">
/// <item>a call of a method named <c>…Async</c>, or <c>Task.Run</c>, <c>Task.WhenAll</c>, <c>Task.WhenAny</c>,
/// <c>Task.Delay</c>, <c>Task.Factory.StartNew</c>, <c>ContinueWith</c>;</item>
/// <item>a name ending in "task" in any case (<c>task</c>, <c>_loadTask</c>, <c>this.pendingTask</c>);</item>
/// <item>a name the file declares as <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>,
/// or as <c>var</c> initialised by a task-like call.</item>
/// </list>
/// <c>Task.FromResult(…)</c> and <c>Task.CompletedTask</c> are complete already, so blocking on them costs nothing.
/// </summary>
internal static class TaskLikeness
{
    private static readonly HashSet<string> TaskTypes = new(StringComparer.Ordinal) { "Task", "ValueTask" };

    private static readonly HashSet<string> TaskFactories = new(StringComparer.Ordinal)
    {
        "Run", "WhenAll", "WhenAny", "Delay", "StartNew", "ContinueWith",
    };

    public static bool Is(ExpressionSyntax expression) => Is(expression, depth: 0);

    private static bool Is(ExpressionSyntax expression, int depth)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Is(parenthesized.Expression, depth);
            case InvocationExpressionSyntax invocation:
                return CSharpMembers.LastName(invocation.Expression) is { } method
                    && (method.EndsWith("Async", StringComparison.Ordinal) || TaskFactories.Contains(method));
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax }:
                var name = CSharpMembers.LastName(expression);
                if (name is null || name is "CompletedTask")
                {
                    return false;
                }

                if (name.EndsWith("task", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                // A declaration initialised from another name could loop back to itself in broken code.
                return depth < 3 && CSharpDeclarations.Find(expression, name) is { } declaration
                    && (declaration.TypeName is { } type
                        ? TaskTypes.Contains(type)
                        : declaration.Initializer is { } initializer && Is(initializer, depth + 1));
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the name an expression ends in was awaited earlier in the same body (directly or through
    /// <c>Task.WhenAll(a, b)</c>): reading <c>a.Result</c> after that does not block.
    /// </summary>
    public static bool AwaitedBefore(ExpressionSyntax expression)
    {
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
            || CSharpMembers.LastName(expression) is not { } name
            || CSharpMembers.FunctionOf(expression) is not { } body)
        {
            return false;
        }

        return body.DescendantNodes()
            .OfType<AwaitExpressionSyntax>()
            .Where(a => a.Span.End <= expression.SpanStart)
            .SelectMany(a => a.DescendantNodes().OfType<IdentifierNameSyntax>())
            .Any(i => i.Identifier.ValueText == name);
    }
}
