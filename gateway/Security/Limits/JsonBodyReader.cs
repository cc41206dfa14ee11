using System.Text.Json;
using System.Text.Unicode;
using Amas.Orleans.Gateway.Api;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security.Limits;

/// <summary>
/// Reads a JSON request body for any endpoint, refusing with a 400 problem what the JSON parser alone lets through
/// or fails on badly: bytes that are not UTF-8 (the parser checks string contents only when they are read, which
/// would be a 500 later), escapes that are not Unicode (a lone surrogate), duplicate properties (two readers could
/// disagree on which one counts), and bodies past <see cref="JsonBodyLimits"/>.
/// </summary>
public static class JsonBodyReader
{
    public static async Task<JsonElement> ReadAsync(HttpContext http)
    {
        // The body is already capped (RequestBodyLimit), so holding it whole is bounded.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return Parse(http, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), "", "The body");
    }

    /// <summary>
    /// The same checks for JSON that arrives otherwise (a multipart submission's <c>task</c> part): problems are
    /// named under <paramref name="field"/> and start with <paramref name="subject"/>.
    /// </summary>
    public static JsonElement Parse(HttpContext http, ReadOnlyMemory<byte> bytes, string field, string subject)
    {
        if (!Utf8.IsValid(bytes.Span))
        {
            throw Rejected(field, $"{subject} is not valid UTF-8.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = JsonBodyLimits.MaxDepth, AllowDuplicateProperties = false });
            var limits = http.RequestServices.GetService<IOptions<RequestLimitSettings>>()?.Value ?? new RequestLimitSettings();
            if (JsonBodyLimits.Problem(document.RootElement, limits) is { } problem)
            {
                throw Rejected(field, problem);
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Rejected(field, $"{subject} is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this, not a JsonException, for a \u escape that is not Unicode (a lone
            // surrogate) once the text is read: by the duplicate-property check or by the limits' walk over every
            // string and name. Caught here, it is a 400 instead of a 500 at the first later read.
            throw Rejected(field, $"{subject} holds a \\u escape that is not valid Unicode.");
        }
    }

    private static Orleans.Tasks.TaskRejectedException Rejected(string field, string sentence) => TaskRequestReader.Rejected(new() { [field] = [sentence] });
}
