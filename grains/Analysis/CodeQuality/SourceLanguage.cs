namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>How a file is read: C# through Roslyn, the others through the lexer, Unknown by line counts only.</summary>
public enum SourceLanguage
{
    Unknown = 0,
    CSharp,
    Python,
    JavaScript,
    TypeScript,
    Java,
    Go,
    CLike,
}
