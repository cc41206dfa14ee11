using System.Buffers.Text;
using System.Text;

namespace Amas.Orleans.Analysis.Tests.Security;

/// <summary>
/// Builds credential-shaped strings at run time from a seeded generator, so this repository's sources hold no
/// literal that other secret scanners would flag, while tests stay deterministic.
/// </summary>
internal static class FakeSecret
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Alphanumeric = Upper + Lower + Digits;
    public const string UrlSafe = Alphanumeric + "_-";
    public const string Base64 = Alphanumeric + "+/";
    public const string Hex = "0123456789abcdef";
    public const string Base32 = Upper + "234567";

    public static string Of(string alphabet, int length, int seed = 7)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public static string Alnum(int length, int seed = 7) => Of(Alphanumeric, length, seed);

    public static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Jwt(string headerJson) =>
        Base64Url(headerJson) + "." + Base64Url("""{"sub":"1234567890","name":"Test User"}""") + "." + Of(UrlSafe, 43, 11);

    /// <summary>A PEM block; the armour is split so this file holds no literal header.</summary>
    public static string PemBlock(string kind, string body) =>
        "-----BEGIN " + kind + "PRIVATE " + "KEY-----\n" + body + "\n-----END " + kind + "PRIVATE " + "KEY-----\n";

    public static string PemBody(int seed = 5) =>
        string.Join('\n', Enumerable.Range(0, 4).Select(i => Of(Base64, 64, seed + i)));
}
