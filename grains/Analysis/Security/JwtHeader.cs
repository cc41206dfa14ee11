using System.Buffers.Text;
using System.Text.Json;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Tells a JSON Web Token from any three dot-separated base64url runs: its header must decode to a JSON object that
/// names an algorithm.
/// </summary>
public static class JwtHeader
{
    // Real headers are a few dozen bytes; a huge first segment is not a token header.
    private const int MaxHeaderChars = 4096;

    public static bool DeclaresAlgorithm(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot > MaxHeaderChars)
        {
            return false;
        }

        // TryDecodeFromChars throws rather than returning false on characters outside the alphabet.
        var encoded = token.AsSpan(0, dot);
        if (!Base64Url.IsValid(encoded))
        {
            return false;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (!Base64Url.TryDecodeFromChars(encoded, bytes, out var written))
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(bytes.AsMemory(0, written));
            return header.RootElement.ValueKind == JsonValueKind.Object
                && header.RootElement.TryGetProperty("alg", out var algorithm)
                && algorithm.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
