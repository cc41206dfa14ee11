using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// <c>new HttpClient(…)</c> in code that runs per call: a method, accessor, lambda or local function. Each client
/// owns its connection pool, so clients made per call never reuse connections and leave sockets in TIME_WAIT until
/// the machine runs out of ports. Not flagged: field and property initialisers and constructors (one client per
/// owner, the usual shared-client pattern), and <c>_client ??= new HttpClient()</c>, which creates one lazily.
/// </summary>
internal static class HttpClientPerCallCheck
{
    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        foreach (var creation in source.Root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (!CreatesHttpClient(creation) || !RunsPerCall(creation) || IsLazyAssignment(creation))
            {
                continue;
            }

            yield return CSharpSource.Hit(
                creation,
                $"'{CSharpSource.Quote(creation)}' creates a new connection pool on every call.");
        }
    }

    private static bool CreatesHttpClient(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax explicitType => CSharpMembers.SimpleTypeName(explicitType.Type) == "HttpClient",
        // `HttpClient client = new();` names its type on the declaration instead.
        ImplicitObjectCreationExpressionSyntax => creation.Parent is EqualsValueClauseSyntax
        {
            Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration },
        } && CSharpMembers.SimpleTypeName(declaration.Type) == "HttpClient",
        _ => false,
    };

    private static bool RunsPerCall(SyntaxNode creation)
    {
        foreach (var ancestor in creation.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                    or MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax:
                    // A lambda in a field initialiser (`Lazy<HttpClient>`) runs once per owner, like the field.
                    return ancestor is not AnonymousFunctionExpressionSyntax || !InInitialiser(ancestor);
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return true;
                case BaseFieldDeclarationSyntax or PropertyDeclarationSyntax or ConstructorDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool InInitialiser(SyntaxNode node) =>
        node.Ancestors().Any(a => a is BaseFieldDeclarationSyntax or PropertyDeclarationSyntax or ConstructorDeclarationSyntax)
        && !node.Ancestors().Any(a => a is AccessorDeclarationSyntax or ArrowExpressionClauseSyntax);

    private static bool IsLazyAssignment(SyntaxNode creation) =>
        creation.Parent is AssignmentExpressionSyntax assignment && assignment.Right == creation
        && assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression);
}
