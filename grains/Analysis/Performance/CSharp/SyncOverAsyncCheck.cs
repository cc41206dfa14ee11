using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll</c> and <c>Task.WaitAny</c>.
/// <c>.Result</c> and <c>.Wait()</c> exist on many types (<c>SemaphoreSlim.Wait</c>, a DTO's <c>Result</c>), so they
/// count only on a task-like receiver (<see cref="TaskLikeness"/>) not awaited earlier in the same body;
/// <c>GetAwaiter().GetResult()</c> is only ever used on awaitables, so it always counts.
/// </summary>
internal static class SyncOverAsyncCheck
{
    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        foreach (var node in source.Root.DescendantNodes())
        {
            if (Blocking(node) is { } construct)
            {
                yield return CSharpSource.Hit(node, $"{construct} blocks a thread until the task completes.");
            }
        }
    }

    private static string? Blocking(SyntaxNode node)
    {
        switch (node)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } access
                when !IsCalledOrAssigned(access) && IsPendingTask(access.Expression):
                return $"'{CSharpSource.Quote(access)}'";
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                var method = access.Name.Identifier.ValueText;
                if (method == "Wait" && IsPendingTask(access.Expression))
                {
                    return $"'{CSharpSource.Quote(invocation)}'";
                }

                if (method == "GetResult" && access.Expression is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" },
                    })
                {
                    return $"'{CSharpSource.Quote(invocation)}'";
                }

                if (method is "WaitAll" or "WaitAny" && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Task" })
                {
                    return $"'Task.{method}(…)'";
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsPendingTask(ExpressionSyntax receiver) =>
        TaskLikeness.Is(receiver) && !TaskLikeness.AwaitedBefore(receiver);

    /// <summary><c>x.Result()</c> is someone's method and <c>x.Result = …</c> someone's property, not a task's.</summary>
    private static bool IsCalledOrAssigned(MemberAccessExpressionSyntax access) =>
        access.Parent is InvocationExpressionSyntax call && call.Expression == access
        || access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access;
}
