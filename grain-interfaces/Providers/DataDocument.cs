namespace Amas.Orleans.Providers;

/// <summary>
/// Text a prompt is about — a file, an issue, a list of findings — that came from a repository or a user. The router
/// sends it to providers as quoted, untrusted data inside a fenced block, never as instructions, and redacts secrets
/// from it like from the prompt.
/// </summary>
/// <param name="Name">A short label the model sees on the block (a path, "issue", "findings").</param>
[GenerateSerializer, Immutable, Alias("amas.DataDocument")]
public sealed record DataDocument(
    [property: Id(0)] string Name,
    [property: Id(1)] string Content);
