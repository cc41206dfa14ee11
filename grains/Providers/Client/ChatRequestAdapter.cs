using System.Text.Json.Nodes;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// Writes the chat-completions body for one provider. Most take the plain OpenAI shape; the few that differ get a
/// named adapter here rather than conditions scattered through the client.
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

    public JsonObject Write(string model, ProviderRequest request)
    {
        var messages = new JsonArray();
        foreach (var message in request.Messages)
        {
            var item = new JsonObject { ["role"] = message.Role, ["content"] = message.Content };
            if (_sendsMessageNames && !string.IsNullOrEmpty(message.Name))
            {
                item["name"] = message.Name;
            }

            messages.Add(item);
        }

        // No "n": one choice is the default everywhere, and Groq rejects any explicit value but 1.
        var body = new JsonObject { ["model"] = model, ["messages"] = messages, ["stream"] = false };
        if (request.MaxTokens is { } maxTokens)
        {
            // max_tokens rather than OpenAI's newer max_completion_tokens: every compatible provider accepts it.
            body["max_tokens"] = maxTokens;
        }

        if (request.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        return body;
    }
}
