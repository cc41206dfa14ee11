namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// One deployment as the silo uses it: defaults and configuration merged, the key resolved. A class, not a record,
/// so that no generated <c>ToString</c> can ever print <see cref="ApiKey"/>.
/// </summary>
public sealed class ProviderDeployment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Uri BaseUrl { get; init; }
    public required string Model { get; init; }
    public required int Priority { get; init; }
    public required TimeSpan Timeout { get; init; }
    public required string Adapter { get; init; }
    public required bool IsCustom { get; init; }
    /// <summary>Where the key is looked up, for messages about a missing key (never the key itself).</summary>
    public required IReadOnlyList<string> KeySources { get; init; }
    public decimal PromptCostPerMillion { get; init; }
    public decimal CompletionCostPerMillion { get; init; }

    /// <summary>Null when the provider is unconfigured.</summary>
    public string? ApiKey { get; init; }

    public bool Configured => !string.IsNullOrWhiteSpace(ApiKey);

    public Uri ChatCompletionsUri => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/chat/completions");

    public override string ToString() => Id;
}
