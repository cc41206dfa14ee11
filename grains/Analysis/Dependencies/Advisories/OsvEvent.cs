namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>The events of an OSV range, each naming one version.</summary>
public enum OsvEventKind
{
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

public sealed record OsvEvent(OsvEventKind Kind, string Version);
