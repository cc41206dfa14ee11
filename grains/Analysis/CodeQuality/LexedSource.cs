namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// A file after lexing: <see cref="Code"/> has the original's length and line breaks, with every comment and string
/// literal character blanked to a space, so function finders can match braces and keywords without being fooled.
/// </summary>
internal sealed class LexedSource(
    string text, string code, LineTally tally, bool[] startsInLiteral, IReadOnlyList<(int Start, int End)> literals)
{
    public string Text { get; } = text;

    public string Code { get; } = code;

    public LineTally Tally { get; } = tally;

    public LineMap Lines => Tally.Lines;

    /// <summary>
    /// Where the string, character, template and regex literals stand, in order: blanked in <see cref="Code"/>, yet
    /// each is one token of the program.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> Literals { get; } = literals;

    /// <summary>Whether the 1-based line begins inside a multi-line string or comment (its indentation means nothing).</summary>
    public bool StartsInLiteral(int line) => line >= 1 && line < startsInLiteral.Length && startsInLiteral[line];
}
