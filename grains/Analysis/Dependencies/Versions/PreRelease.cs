namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Ordered as PEP 440 orders pre-release phases.</summary>
public enum PreReleaseKind
{
    Alpha = 0,
    Beta = 1,
    ReleaseCandidate = 2,
}

/// <summary>A PEP 440 pre-release segment such as "rc2"; <see cref="Number"/> is digits ("0" when implicit).</summary>
public sealed record PreRelease(PreReleaseKind Kind, string Number);
