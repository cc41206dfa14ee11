using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// LINQ <c>Count()</c>, <c>LongCount()</c> and <c>Any()</c> evaluated in a loop's repeated part over a source that does
/// not change per iteration: each evaluation enumerates the source again (all of it for <c>Count</c>), so the loop is
/// quadratic. Left alone: a source rooted in a name that changes per iteration (<c>order.Lines.Any()</c> inside
/// <c>foreach (var order …)</c>), and a name the file declares as an array or a collection type, where LINQ takes
/// the O(1) count fast path.
/// </summary>
internal static class LinqCountInLoopCheck
{
    private static readonly HashSet<string> CountingMethods = new(StringComparer.Ordinal) { "Count", "LongCount", "Any" };

    private static readonly HashSet<string> CountedCollections = new(StringComparer.Ordinal)
    {
        "[]", "List", "IList", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "HashSet", "ISet", "SortedSet",
        "Dictionary", "IDictionary", "IReadOnlyDictionary", "ConcurrentDictionary", "SortedDictionary", "Queue",
        "Stack", "ImmutableArray", "ImmutableList", "Collection", "ObservableCollection", "LinkedList",
    };

    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        foreach (var invocation in source.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation is not { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: <= 1 }
                || !CountingMethods.Contains(access.Name.Identifier.ValueText)
                || CSharpLoops.Enclosing(invocation) is not { } loop
                || CSharpMembers.RootName(access.Expression) is not { } root
                || CSharpLoops.ChangingNames(loop).Contains(root)
                || IsCountedCollection(access.Expression))
            {
                continue;
            }

            yield return CSharpSource.Hit(
                invocation,
                $"'{CSharpSource.Quote(invocation)}' enumerates '{root}' again on every iteration of the loop.");
        }
    }

    private static bool IsCountedCollection(ExpressionSyntax receiver) =>
        receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
        && CSharpMembers.LastName(receiver) is { } name
        && CSharpDeclarations.Find(receiver, name) is { } declaration
        && (declaration.TypeName is { } type
            ? CountedCollections.Contains(type)
            : declaration.Initializer is ObjectCreationExpressionSyntax creation
                && CSharpMembers.SimpleTypeName(creation.Type) is { } created && CountedCollections.Contains(created)
                || declaration.Initializer is CollectionExpressionSyntax or ArrayCreationExpressionSyntax
                    or ImplicitArrayCreationExpressionSyntax);
}
