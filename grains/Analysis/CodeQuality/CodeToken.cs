namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>One token of a file's code (comments and white space are not tokens), by its place in the text.</summary>
internal readonly record struct CodeToken(int Offset, int Length, CodeTokenKind Kind)
{
    public int End => Offset + Length;

    public ReadOnlySpan<char> TextIn(string text) => text.AsSpan(Offset, Length);

    /// <summary>
    /// A closing bracket is the second half of a pair whose opening half is already counted, so Halstead counts
    /// <c>( )</c> as one operator.
    /// </summary>
    public bool IsClosingBracketIn(string text) => Kind == CodeTokenKind.Operator && Length == 1 && text[Offset] is ')' or ']' or '}';
}

/// <summary>
/// Halstead's split: identifiers and literals are operands, keywords and operators (punctuation included) are
/// operators.
/// </summary>
internal enum CodeTokenKind : byte
{
    Operator,
    Keyword,
    Identifier,
    Number,
    Text,
}
