using Amas.Orleans.Providers;

namespace Amas.Orleans.Agents.Completions;

/// <summary>
/// What an agent asks an AI provider for. <see cref="Instruction"/> is the agent's own words; everything taken from
/// the repository, an issue or a page goes in <see cref="Data"/>, which providers receive as untrusted data.
/// </summary>
public sealed record AgentCompletionRequest
{
    public required string Instruction { get; init; }
    public string? SystemPrompt { get; init; }
    public IReadOnlyList<DataDocument> Data { get; init; } = [];
    public int? MaxTokens { get; init; }
    public double? Temperature { get; init; }
}
