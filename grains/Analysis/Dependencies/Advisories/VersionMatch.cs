namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Whether a version falls in an advisory's affected set, and the lowest fix above it when one is known.</summary>
public sealed record VersionMatch(bool IsAffected, string? FirstFixed)
{
    public static VersionMatch NotAffected { get; } = new(false, null);
}
