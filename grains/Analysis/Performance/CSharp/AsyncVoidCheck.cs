using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// <c>async void</c> methods and local functions. Event handlers are the one place the language needs them, so a
/// method shaped <c>(object sender, XxxEventArgs e)</c> is left alone, as is an <c>override</c>, whose signature the
/// base class decides.
/// </summary>
internal static class AsyncVoidCheck
{
    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        foreach (var node in source.Root.DescendantNodes())
        {
            var (modifiers, returnType, identifier, parameters) = node switch
            {
                MethodDeclarationSyntax m => (m.Modifiers, m.ReturnType, m.Identifier, m.ParameterList),
                LocalFunctionStatementSyntax l => (l.Modifiers, l.ReturnType, l.Identifier, l.ParameterList),
                _ => (default(SyntaxTokenList), null, default(SyntaxToken), null),
            };

            if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                && modifiers.Any(SyntaxKind.AsyncKeyword)
                && !modifiers.Any(SyntaxKind.OverrideKeyword)
                && parameters is not null && !IsEventHandler(parameters))
            {
                var name = identifier.ValueText;
                yield return new PerformanceHit(
                    identifier.SpanStart,
                    CSharpMembers.PathOf(node),
                    $"async void {name}{parameters}",
                    $"'async void {name}' cannot be awaited: callers cannot wait for it or observe its exceptions, "
                    + "which crash the process.");
            }
        }
    }

    private static bool IsEventHandler(ParameterListSyntax parameters) =>
        parameters.Parameters is [var sender, var args]
        && CSharpMembers.SimpleTypeName(sender.Type) is "object" or "Object"
        && CSharpMembers.SimpleTypeName(args.Type) is { } argsType
        && argsType.EndsWith("EventArgs", StringComparison.Ordinal);
}
