namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// One stretch of a file that is repeated elsewhere, with every place it was matched against. <see cref="Anchor"/>
/// is derived from the stretch's content, not its position, so the finding's id survives edits above it.
/// </summary>
internal sealed record DuplicateRegion(string Path, CloneSpan Span, IReadOnlyList<DuplicateLocation> Others, string Anchor);

/// <summary>Where a copy stands: a file and its lines.</summary>
internal sealed record DuplicateLocation(string Path, int FirstLine, int LastLine)
{
    public override string ToString() => $"{Path}:{FirstLine}-{LastLine}";
}
