using System.CommandLine;

namespace Amas.Orleans.Cli;

/// <summary>Options every command takes; the environment supplies the defaults, so a CI job sets them once.</summary>
public sealed class GlobalOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public Option<string> Url { get; } = new("--url")
    {
        Description = $"The gateway's base URL (default: $AMAS_URL, else {DefaultUrl}).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AMAS_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The API key sent as X-API-Key (default: $AMAS_API_KEY).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AMAS_API_KEY") is { Length: > 0 } key ? key : null,
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts (the API's own JSON on stdout, nothing else).",
        Recursive = true,
        DefaultValueFactory = _ => "text",
    };

    public Option<int> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each HTTP answer.",
        Recursive = true,
        DefaultValueFactory = _ => 30,
    };

    public GlobalOptions()
    {
        Output.AcceptOnlyFromAmong("text", "json");
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(ApiKey);
        root.Options.Add(Output);
        root.Options.Add(TimeoutSeconds);
    }
}
