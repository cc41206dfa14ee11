using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// A static <c>ConcurrentDictionary</c> or <c>Dictionary</c> field that the file adds to (<c>TryAdd</c>,
/// <c>GetOrAdd</c>, <c>AddOrUpdate</c>, <c>Add</c>, an indexer set) outside static initialisation and never shrinks
/// (<c>Remove</c>, <c>TryRemove</c>, <c>Clear</c>, reassignment). A static field lives as long as the process, so
/// such a cache keyed by request data grows without bound. A field the file hands to other code (an argument, a
/// return value, an assignment to something else) may be trimmed there, so it is left alone; a lookup table filled
/// only in its initialiser or a static constructor is not a cache.
/// </summary>
internal static class UnboundedCacheCheck
{
    private static readonly HashSet<string> DictionaryTypes = new(StringComparer.Ordinal) { "ConcurrentDictionary", "Dictionary" };

    private static readonly HashSet<string> Adds = new(StringComparer.Ordinal) { "TryAdd", "GetOrAdd", "AddOrUpdate", "Add" };

    private static readonly HashSet<string> Removes = new(StringComparer.Ordinal) { "Remove", "TryRemove", "Clear" };

    private enum Use
    {
        Neutral,
        Grows,
        Shrinks,
    }

    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        var identifiers = source.Root.DescendantNodes().OfType<IdentifierNameSyntax>().ToLookup(i => i.Identifier.ValueText);
        foreach (var field in source.Root.DescendantNodes().OfType<FieldDeclarationSyntax>())
        {
            if (!field.Modifiers.Any(SyntaxKind.StaticKeyword)
                || CSharpMembers.SimpleTypeName(field.Declaration.Type) is not { } type
                || !DictionaryTypes.Contains(type))
            {
                continue;
            }

            foreach (var variable in field.Declaration.Variables)
            {
                var name = variable.Identifier.ValueText;
                var uses = identifiers[name].Where(i => !field.Span.Contains(i.Span)).Select(Classify).ToList();
                if (uses.Contains(Use.Grows) && !uses.Contains(Use.Shrinks))
                {
                    yield return new PerformanceHit(
                        variable.Identifier.SpanStart,
                        CSharpMembers.PathOf(variable),
                        $"static {type} {name}",
                        $"The static {type} '{name}' is only ever added to, so it grows for the life of the process.");
                }
            }
        }
    }

    private static Use Classify(IdentifierNameSyntax identifier)
    {
        // `Owner._cache` and `this._cache` are the same field as `_cache`.
        ExpressionSyntax usage = identifier.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == identifier
            ? qualified
            : identifier;

        switch (usage.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == usage:
                var member = access.Name.Identifier.ValueText;
                var called = access.Parent is InvocationExpressionSyntax;
                return !called ? Use.Neutral
                    : Removes.Contains(member) ? Use.Shrinks
                    : Adds.Contains(member) && !InStaticInitialisation(access) ? Use.Grows
                    : Use.Neutral;
            case ElementAccessExpressionSyntax element when element.Expression == usage:
                return element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element
                    && !InStaticInitialisation(element) ? Use.Grows : Use.Neutral;
            case AssignmentExpressionSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
                or EqualsValueClauseSyntax:
                return Use.Shrinks;
            default:
                return Use.Neutral;
        }
    }

    private static bool InStaticInitialisation(SyntaxNode node) =>
        node.Ancestors().Any(a => a is ConstructorDeclarationSyntax ctor && ctor.Modifiers.Any(SyntaxKind.StaticKeyword)
            || a is FieldDeclarationSyntax);
}
