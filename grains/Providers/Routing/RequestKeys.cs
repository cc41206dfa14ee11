using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// What makes two requests the same question, for de-duplication and the response cache: the provider group, the
/// text (prompt, system prompt, data) and the options that change the answer — not the strategy, deadline or budget.
/// </summary>
public static class RequestKeys
{
    public static string Of(GenerateRequest request)
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Add(request.Prompt);
        Add(request.SystemPrompt);
        Add(request.MaxTokens?.ToString(CultureInfo.InvariantCulture));
        Add(request.Temperature?.ToString("R", CultureInfo.InvariantCulture));
        Add(request.Providers is null ? null : string.Join(',', request.Providers.Order(StringComparer.OrdinalIgnoreCase)));
        Add(request.Data?.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var document in request.Data ?? [])
        {
            Add(document.Name);
            Add(document.Content);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
