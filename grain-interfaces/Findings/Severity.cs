namespace Amas.Orleans.Findings;

/// <summary>Ordered: a larger value is more severe.</summary>
[GenerateSerializer, Alias("amas.Severity")]
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
