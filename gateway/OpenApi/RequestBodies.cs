using Amas.Orleans.Providers;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.OpenApi;

/// <summary>
/// <c>POST /api/v1/tasks</c>. The gateway reads bodies by hand (so that it can name every bad field); this type
/// only describes the body to the OpenAPI document. Unknown fields are rejected.
/// </summary>
public sealed record TaskSubmissionBody
{
    public required TaskKind Kind { get; init; }

    /// <summary><c>{"path": "/abs/path"}</c> under an allowed root, or <c>{"git_url": "https://…", "ref": "main"}</c>.</summary>
    public RepositoryTarget? Target { get; init; }

    public TaskOptions? Options { get; init; }
}

/// <summary><c>POST /api/v1/ai/generate</c>: <c>timeout</c> in seconds (1–600), <c>temperature</c> 0–2.</summary>
public sealed record GenerateBody
{
    public required string Prompt { get; init; }

    public string? SystemPrompt { get; init; }

    public RoutingStrategy? Strategy { get; init; }

    public double? Timeout { get; init; }

    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    /// <summary>Restricts the router to these provider ids; absent: every configured provider.</summary>
    public IReadOnlyList<string>? Providers { get; init; }
}
