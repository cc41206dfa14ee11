namespace Amas.Orleans.Fixes;

/// <summary>Where a fix stands: proposed by the AutomatedFixer, then accepted or rejected by the QualityValidator.</summary>
[GenerateSerializer, Alias("amas.FixVerdict")]
public enum FixVerdict
{
    Proposed = 0,
    Accepted = 1,
    Rejected = 2,
}
