namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>OSV range types; GIT ranges name commits and are never matched against manifest versions.</summary>
public enum OsvRangeType
{
    Semver,
    Ecosystem,
    Git,
}

public sealed record OsvRange(OsvRangeType Type, IReadOnlyList<OsvEvent> Events);
