using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Amas.Orleans.Gateway.Security.ApiKeys;

/// <summary>
/// Makes and hashes API keys. A key is <c>amas_</c> and 32 random bytes (base64url); it is stored as the SHA-256 of
/// its text. A fast hash is right here, unlike for passwords: a 256-bit random key cannot be guessed, so slowing
/// each guess down buys nothing, and every request pays for the hash.
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "amas_";
    public const int HintLength = 12;

    /// <summary>Longer values in the header are refused before hashing.</summary>
    public const int MaxKeyLength = 256;

    public static string NewKey() => Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsId(string value) => value.Length == 16 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Hint(string key) => key[..Math.Min(HintLength, key.Length)];

    /// <summary>Compares two hashes in constant time, so the comparison does not say how much of a guess was right.</summary>
    public static bool HashesEqual(string left, string right)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right));
}
