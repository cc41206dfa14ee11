namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Tokens [<see cref="Start"/>, <see cref="End"/>) of one file, on lines <see cref="FirstLine"/>–<see cref="LastLine"/>.</summary>
internal readonly record struct CloneSpan(int File, int Start, int End, int FirstLine, int LastLine)
{
    public int Tokens => End - Start;

    public int Lines => LastLine - FirstLine + 1;
}
