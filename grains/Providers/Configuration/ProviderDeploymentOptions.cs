namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// One row of <c>Amas:Providers:Deployments:&lt;id&gt;</c> or <c>Amas:Providers:Custom:&lt;id&gt;</c>. Every value is
/// optional for a built-in provider (its default applies) and BaseUrl and Model are required for a custom one.
/// </summary>
public sealed class ProviderDeploymentOptions
{
    /// <summary>A display name (<c>provider_name</c> in answers).</summary>
    public string? Name { get; set; }

    /// <summary>The OpenAI-compatible base URL, without <c>/chat/completions</c>.</summary>
    public string? BaseUrl { get; set; }

    public string? Model { get; set; }

    /// <summary>Lower is tried first by the <c>priority</c> strategy.</summary>
    public int? Priority { get; set; }

    /// <summary>How long one call may take, enforced inside the provider grain.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The environment variable (or configuration key) that holds the key, e.g. <c>DEEPSEEK_API_KEY</c>.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>The key itself, normally from <c>AMAS_PROVIDERS__&lt;ID&gt;__APIKEY</c> or a secret store; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The request adapter: <c>openai</c> (default), <c>groq</c>, <c>cohere</c>, <c>gemini</c>.</summary>
    public string? Adapter { get; set; }

    /// <summary>False takes the provider out without removing its row.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Estimated cost in US dollars per million prompt and completion tokens, for usage reports.</summary>
    public decimal? PromptCostPerMillion { get; set; }

    public decimal? CompletionCostPerMillion { get; set; }
}
