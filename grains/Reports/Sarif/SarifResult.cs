namespace Amas.Orleans.Reports.Sarif;

internal sealed record SarifResult
{
    public required string RuleId { get; init; }
    public required int RuleIndex { get; init; }
    public required string Level { get; init; }
    public required SarifMessage Message { get; init; }
    public IReadOnlyList<SarifLocation>? Locations { get; init; }
    public required IReadOnlyDictionary<string, string> PartialFingerprints { get; init; }
    public IReadOnlyList<SarifSuppression>? Suppressions { get; init; }
    public IReadOnlyDictionary<string, object>? Properties { get; init; }
}

/// <summary>SARIF's <c>suppression</c>: <c>inSource</c> or <c>external</c>, with the author's justification and where it is written.</summary>
internal sealed record SarifSuppression
{
    public required string Kind { get; init; }
    public string Status { get; init; } = "accepted";
    public required string Justification { get; init; }
    public SarifLocation? Location { get; init; }
}

internal sealed record SarifMessage(string Text);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation
{
    public required SarifArtifactLocation ArtifactLocation { get; init; }
    public SarifRegion? Region { get; init; }
}

internal sealed record SarifArtifactLocation
{
    public string? Uri { get; init; }
    public string? UriBaseId { get; init; }
    public SarifMessage? Description { get; init; }
}

internal sealed record SarifRegion
{
    public required int StartLine { get; init; }
    public int? StartColumn { get; init; }
    public int? EndLine { get; init; }
}
