namespace Amas.Orleans.Reports.Sarif;

internal sealed record SarifTool(SarifToolComponent Driver);

internal sealed record SarifToolComponent
{
    public required string Name { get; init; }
    public string? InformationUri { get; init; }
    public string? SemanticVersion { get; init; }
    public required IReadOnlyList<SarifReportingDescriptor> Rules { get; init; }
}

/// <summary>A rule, as SARIF calls it.</summary>
internal sealed record SarifReportingDescriptor
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required SarifMultiformatMessage ShortDescription { get; init; }
    public SarifMultiformatMessage? FullDescription { get; init; }
    public required SarifConfiguration DefaultConfiguration { get; init; }
    public IReadOnlyDictionary<string, object>? Properties { get; init; }
}

internal sealed record SarifMultiformatMessage(string Text);

internal sealed record SarifConfiguration(string Level);
