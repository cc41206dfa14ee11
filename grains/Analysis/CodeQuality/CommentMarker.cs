namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>A TODO, FIXME, HACK or XXX found in a comment (never in a string).</summary>
/// <param name="Line">1-based line of the marker.</param>
/// <param name="Text">The comment line without its delimiters, trimmed.</param>
public sealed record CommentMarker(int Line, string Marker, string Text);
