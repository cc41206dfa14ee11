using System.Text.Json.Serialization;

namespace Amas.Orleans.Reports.Sarif;

// The subset of SARIF 2.1.0 we emit. Sarif.Sdk does not restore on our mirror, so these are our own records;
// property names follow the specification once camelCased, and null members are left out when written.

internal sealed record SarifLog
{
    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Version { get; init; } = "2.1.0";

    public required IReadOnlyList<SarifRun> Runs { get; init; }
}

internal sealed record SarifRun
{
    public required SarifTool Tool { get; init; }
    public SarifAutomationDetails? AutomationDetails { get; init; }
    public IReadOnlyList<SarifInvocation>? Invocations { get; init; }
    public IReadOnlyDictionary<string, SarifArtifactLocation>? OriginalUriBaseIds { get; init; }
    public IReadOnlyList<SarifVersionControlDetails>? VersionControlProvenance { get; init; }
    public required IReadOnlyList<SarifResult> Results { get; init; }
    public IReadOnlyDictionary<string, object>? Properties { get; init; }
}

/// <summary>Names the run so that consumers such as GitHub code scanning can tell one task's upload from another's.</summary>
internal sealed record SarifAutomationDetails(string Id);

internal sealed record SarifInvocation
{
    public required bool ExecutionSuccessful { get; init; }
    public string? StartTimeUtc { get; init; }
    public string? EndTimeUtc { get; init; }
    public IReadOnlyList<SarifNotification>? ToolExecutionNotifications { get; init; }
}

internal sealed record SarifNotification
{
    public required SarifMessage Message { get; init; }
    public required string Level { get; init; }
    public IReadOnlyDictionary<string, object>? Properties { get; init; }
}

internal sealed record SarifVersionControlDetails
{
    public required string RepositoryUri { get; init; }
    public string? RevisionId { get; init; }
    /// <summary>Says that the repository's root is what <c>SRCROOT</c> stands for.</summary>
    public SarifArtifactLocation? MappedTo { get; init; }
}
