using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// What one provider accepts in a chat-completions request. Most take the plain OpenAI shape; the few that differ get
/// a named adapter here rather than conditions scattered through the client. The adapter first shapes the
/// <see cref="ChatMessage"/>s and <see cref="ChatOptions"/> handed to the <see cref="IChatClient"/>, then
/// <see cref="Rewrite"/> fixes on the wire what the OpenAI client cannot be told.
/// </summary>
public sealed class ChatRequestAdapter
{
    private static readonly Dictionary<string, ChatRequestAdapter> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = new("openai", sendsMessageNames: true),
        // Groq answers 400 to messages[].name and to n != 1.
        ["groq"] = new("groq", sendsMessageNames: false),
        // Cohere's compatibility API ignores names at best; leaving them out keeps its 400s for real mistakes.
        ["cohere"] = new("cohere", sendsMessageNames: false),
        // Gemini's OpenAI layer rejects unknown message fields.
        ["gemini"] = new("gemini", sendsMessageNames: false),
    };

    private readonly bool _sendsMessageNames;

    private ChatRequestAdapter(string name, bool sendsMessageNames)
    {
        Name = name;
        _sendsMessageNames = sendsMessageNames;
    }

    public string Name { get; }

    public static IReadOnlyCollection<string> Names => Known.Keys;

    public static bool Exists(string name) => Known.ContainsKey(name);

    public static ChatRequestAdapter For(string name) => Known.GetValueOrDefault(name) ?? Known["openai"];

    public IReadOnlyList<ChatMessage> Messages(ProviderRequest request)
        => request.Messages
            .Select(message => new ChatMessage(new ChatRole(message.Role), message.Content)
            {
                AuthorName = _sendsMessageNames && !string.IsNullOrEmpty(message.Name) ? message.Name : null,
            })
            .ToList();

    /// <summary>No <c>n</c> (<see cref="ChatOptions"/> has none): one choice is the default everywhere, and Groq rejects any other value.</summary>
    public ChatOptions Options(ProviderRequest request)
        => new()
        {
            MaxOutputTokens = request.MaxTokens,
            Temperature = request.Temperature is { } temperature ? (float)temperature : null,
        };

    /// <summary>
    /// The request body as this provider wants it. The OpenAI client sends <c>max_completion_tokens</c>, which not
    /// every compatible provider reads; <c>max_tokens</c> is accepted everywhere. Names and <c>n</c> are removed
    /// here too for the providers that reject them, whatever the client wrote.
    /// </summary>
    public void Rewrite(JsonObject body)
    {
        if (body.Remove("max_completion_tokens", out var maxTokens))
        {
            body["max_tokens"] = maxTokens;
        }

        body.Remove("n");
        if (!_sendsMessageNames && body["messages"] is JsonArray messages)
        {
            foreach (var message in messages.OfType<JsonObject>())
            {
                message.Remove("name");
            }
        }
    }
}
