using System.Text.Json;

namespace Amas.Orleans.Gateway.Security.Limits;

/// <summary>
/// Limits on a parsed JSON body that its size alone does not bound well: the longest string, the longest array and
/// how many URLs it names (each URL may become a fetch). The nesting depth is bounded by the parser itself.
/// </summary>
public static class JsonBodyLimits
{
    /// <summary>The deepest nesting a body may have; deeper is a 400, not a stack overflow.</summary>
    public const int MaxDepth = 32;

    /// <summary>Null when the body is within the limits, otherwise a sentence naming the first one it breaks.</summary>
    public static string? Problem(JsonElement root, RequestLimitSettings limits)
    {
        var urls = 0;
        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, "$"));
        while (pending.TryPop(out var item))
        {
            var (element, path) = item;
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name.Length > limits.MaxStringLength)
                        {
                            return $"A property name at {path} is longer than {limits.MaxStringLength} characters.";
                        }

                        pending.Push((property.Value, path + "." + Shorten(property.Name)));
                    }

                    break;
                case JsonValueKind.Array:
                    var length = element.GetArrayLength();
                    if (length > limits.MaxArrayItems)
                    {
                        return $"{path} has {length} items; at most {limits.MaxArrayItems} are accepted.";
                    }

                    var index = 0;
                    foreach (var value in element.EnumerateArray())
                    {
                        pending.Push((value, $"{path}[{index++}]"));
                    }

                    break;
                case JsonValueKind.String:
                    var text = element.GetString()!;
                    if (text.Length > limits.MaxStringLength)
                    {
                        return $"{path} is {text.Length} characters long; at most {limits.MaxStringLength} are accepted.";
                    }

                    if (LooksLikeUrl(text) && ++urls > limits.MaxUrls)
                    {
                        return $"The body names more than {limits.MaxUrls} URLs.";
                    }

                    break;
            }
        }

        return null;
    }

    private static bool LooksLikeUrl(string text)
    {
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        return separator > 0 && text[..separator].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
