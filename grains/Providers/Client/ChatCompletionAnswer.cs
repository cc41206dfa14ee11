using System.Text;
using System.Text.Json;

namespace Amas.Orleans.Providers.Client;

/// <summary>The parts of a chat-completions answer we use, or why the answer is not one.</summary>
public sealed record ChatCompletionAnswer(
    string? Content, string? Model, int PromptTokens, int CompletionTokens, ProviderOutcome Outcome, string? Error)
{
    public static ChatCompletionAnswer Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Malformed($"the answer is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            // OpenRouter and others answer 200 with an error object when an upstream fails.
            return root.TryGetProperty("error", out var error)
                ? new(null, null, 0, 0, ProviderOutcome.ServerError, "error in a 200 answer: " + ErrorText(error))
                : Malformed("the answer has no choices");
        }

        if (choices.GetArrayLength() == 0)
        {
            return Malformed("the answer has an empty choices list");
        }

        var first = choices[0];
        var content = first.ValueKind == JsonValueKind.Object
            && first.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
            && message.TryGetProperty("content", out var text)
                ? Text(text)
                : null;
        if (string.IsNullOrWhiteSpace(content))
        {
            return Malformed("the first choice has no content");
        }

        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var (prompt, completion) = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
            ? (Count(usage, "prompt_tokens"), Count(usage, "completion_tokens"))
            : (0, 0);
        return new(content, model, prompt, completion, ProviderOutcome.Success, null);
    }

    /// <summary>The message of an error body (<c>{"error":{"message":…}}</c>, <c>{"message":…}</c> or plain text).</summary>
    public static string? ErrorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    return ErrorText(error);
                }

                if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString();
                }
            }

            return body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static string ErrorText(JsonElement error)
        => error.ValueKind switch
        {
            JsonValueKind.String => error.GetString() ?? "",
            JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String => m.GetString() ?? "",
            _ => error.GetRawText(),
        };

    /// <summary>Content is a string, or (for a few providers) a list of parts with text.</summary>
    private static string? Text(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }

    private static int Count(JsonElement usage, string name)
        => usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;

    private static ChatCompletionAnswer Malformed(string error) => new(null, null, 0, 0, ProviderOutcome.Malformed, error);
}
