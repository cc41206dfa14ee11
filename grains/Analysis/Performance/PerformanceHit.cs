namespace Amas.Orleans.Analysis.Performance;

/// <summary>
/// Where one rule matched, before it becomes a finding.
/// </summary>
/// <param name="Offset">Character offset of the offending expression in the file's text.</param>
/// <param name="Member">The enclosing member or function ("Type.Method", "load_rows"), "" at top level.</param>
/// <param name="Construct">The offending expression's text; with <paramref name="Member"/> it anchors the fingerprint.</param>
/// <param name="Message">One sentence naming the construct.</param>
public sealed record PerformanceHit(int Offset, string Member, string Construct, string Message);
