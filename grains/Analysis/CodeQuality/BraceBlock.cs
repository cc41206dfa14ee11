namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>A <c>{ … }</c> block; <see cref="Close"/> is the file's length when the brace is never closed.</summary>
internal readonly record struct BraceBlock(int Open, int Close, BlockHeader Header);
