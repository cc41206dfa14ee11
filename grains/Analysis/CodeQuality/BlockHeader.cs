namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>What the code in front of an opening brace (or an arrow) makes of the block.</summary>
/// <param name="FunctionName">Set when the block is a named function's body.</param>
/// <param name="NameOffset">Where the function's name stands; its line is the function's start line.</param>
/// <param name="IsControl">Whether the block belongs to a control statement and so counts as nesting.</param>
internal readonly record struct BlockHeader(string? FunctionName, int NameOffset, bool IsControl)
{
    public static readonly BlockHeader Plain = new(null, 0, false);

    public static readonly BlockHeader Control = new(null, 0, true);

    public static BlockHeader Function(HeaderToken name, string? display = null) =>
        new(display ?? name.Text, name.Offset, false);
}
