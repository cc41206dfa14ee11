using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>How a name was declared, as far as the file shows: its written type (null for a lambda parameter) and
/// its initialiser.</summary>
internal sealed record CSharpDeclaration(TypeSyntax? Type, ExpressionSyntax? Initializer, SyntaxNode Node)
{
    /// <summary>The declared type's simple name; for <c>var</c>, null (read <see cref="Initializer"/> instead).</summary>
    public string? TypeName => Type is { IsVar: true } ? null : CSharpMembers.SimpleTypeName(Type);
}

/// <summary>
/// Finds a name's declaration without a semantic model: first in the member around the usage (locals, parameters,
/// loop variables, lambda parameters), then among the fields and properties of the types around it. Shadowing is
/// not modelled; the first declaration in source order wins, which is right for the code the rules look at.
/// </summary>
internal static class CSharpDeclarations
{
    public static CSharpDeclaration? Find(SyntaxNode usage, string name)
    {
        var member = usage.AncestorsAndSelf().OfType<MemberDeclarationSyntax>()
            .FirstOrDefault(m => m is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax);
        if (member is not null && InMember(member, name) is { } local)
        {
            return local;
        }

        foreach (var type in usage.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (InType(type, name) is { } field)
            {
                return field;
            }
        }

        return null;
    }

    private static CSharpDeclaration? InMember(MemberDeclarationSyntax member, string name)
    {
        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name
                    && declarator.Parent is VariableDeclarationSyntax declaration:
                    return new CSharpDeclaration(declaration.Type, declarator.Initializer?.Value, declarator);
                case ParameterSyntax parameter when parameter.Identifier.ValueText == name:
                    return new CSharpDeclaration(parameter.Type, parameter.Default?.Value, parameter);
                case ForEachStatementSyntax @foreach when @foreach.Identifier.ValueText == name:
                    return new CSharpDeclaration(@foreach.Type, null, @foreach);
            }
        }

        return null;
    }

    private static CSharpDeclaration? InType(TypeDeclarationSyntax type, string name)
    {
        if (type.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } primary)
        {
            return new CSharpDeclaration(primary.Type, primary.Default?.Value, primary);
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == name)
                        {
                            return new CSharpDeclaration(field.Declaration.Type, variable.Initializer?.Value, variable);
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return new CSharpDeclaration(property.Type, property.Initializer?.Value, property);
            }
        }

        return null;
    }
}
