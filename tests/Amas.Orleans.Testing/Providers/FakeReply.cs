namespace Amas.Orleans.Testing.Providers;

/// <summary>What the fake provider does with one request.</summary>
public abstract record FakeReply
{
    /// <summary>A well-formed chat completion, after an optional delay (cut short if the caller hangs up).</summary>
    public static FakeReply Answer(string content, TimeSpan? delay = null) => new AnswerReply(content, delay ?? TimeSpan.Zero);

    public static FakeReply Status(int status, string? body = null, params (string Name, string Value)[] headers)
        => new StatusReply(status, body, headers);

    public static FakeReply RateLimited(string retryAfter) => Status(429, """{"error":{"message":"Rate limit reached"}}""", ("Retry-After", retryAfter));

    /// <summary>200 and the first half of a chat completion: the body simply ends.</summary>
    public static FakeReply TruncatedJson { get; } = new RawReply("""{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hal""");

    public static FakeReply EmptyChoices { get; } = new RawReply("""{"id":"x","object":"chat.completion","model":"m","choices":[]}""");
}

public sealed record AnswerReply(string Content, TimeSpan Delay) : FakeReply;

public sealed record StatusReply(int StatusCode, string? Body, IReadOnlyList<(string Name, string Value)> Headers) : FakeReply;

public sealed record RawReply(string Body) : FakeReply;
