using System.Text;
using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Tests.Corpus;

/// <summary>
/// Fills the corpus templates (Corpus/repo) with credential-shaped values built at run time, so that no such string is
/// ever committed. A template marks a value as <c>{{plant:NAME}}</c> (a planted secret: a true positive for any
/// scanner that reports its line), <c>{{part:NAME}}</c> (a further line of a planted secret, such as a key body) or
/// <c>{{miss:NAME}}</c> (a near miss no scanner should report: a documented example key, a line marked amas:ignore).
/// Every value is one line, so the templates' line numbers are the materialised files' line numbers.
/// This file is shared with the scanner benchmark (tests/Amas.Orleans.Benchmarks), which counts true positives.
/// </summary>
public static partial class PlantedSecrets
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alphanumeric = Upper + Lower + Digits;
    private const string UrlSafe = Alphanumeric + "_-";
    private const string Base64 = Alphanumeric + "+/";
    private const string Base32 = Upper + "234567";

    /// <summary>Values by name; the armour and prefixes are split so that this file holds no credential literal.</summary>
    public static IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aws-access-key-id"] = "AK" + "IA" + Of(Base32, 16, 101),
        ["aws-secret-access-key"] = Of(Base64, 40, 102),
        ["github-token"] = "gh" + "p_" + Of(Alphanumeric, 36, 103),
        ["stripe-live-key"] = "sk_" + "live_" + Of(Alphanumeric, 24, 104),
        ["sendgrid-api-key"] = "S" + "G." + Of(UrlSafe, 22, 105) + "." + Of(UrlSafe, 43, 106),
        ["database-url-password"] = Of(Alphanumeric, 16, 107),
        ["generic-password"] = Of(Alphanumeric, 16, 108),
        ["npm-token"] = "np" + "m_" + Of(Alphanumeric, 36, 109),
        // Real OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI") between two 74-character halves.
        ["openai-api-key"] = "sk-" + "proj-" + Of(Alphanumeric, 74, 110) + "T3Blbk" + "FJ" + Of(Alphanumeric, 74, 130),
        ["private-key-begin"] = "-----BEGIN RSA " + "PRIVATE " + "KEY-----",
        // A DER RSA key always starts with an ASN.1 SEQUENCE header, "MII" in base64.
        ["private-key-line-1"] = "MIIEpAIBAAKCAQEA" + Of(Base64, 48, 111),
        ["private-key-line-2"] = Of(Base64, 64, 112),
        ["private-key-line-3"] = Of(Base64, 64, 113),
        ["private-key-line-4"] = Of(Base64, 24, 114) + "==",
        ["private-key-end"] = "-----END RSA " + "PRIVATE " + "KEY-----",
        ["gitlab-pat"] = "gl" + "pat-" + Of(UrlSafe, 20, 115),
        ["azure-storage-account-key"] = Of(Base64, 86, 116) + "==",
        ["slack-token"] = "xo" + "xb-" + Of(Digits, 12, 117) + "-" + Of(Digits, 12, 118) + "-" + Of(Alphanumeric, 24, 119),
        ["google-api-key"] = "AI" + "za" + Of(UrlSafe, 35, 120),
        ["jwt"] = Base64Url("""{"alg":"HS256","typ":"JWT"}""") + "." + Base64Url("""{"sub":"4711","name":"Billing"}""")
            + "." + Of(UrlSafe, 43, 121),
        ["docker-env-token"] = Of(Alphanumeric, 24, 122),
        ["compose-db-password"] = Of(Alphanumeric, 20, 123),
        ["aws-example-key-id"] = "AK" + "IA" + "IOSFODNN7" + "EXAMPLE",
        ["ignored-token"] = "gh" + "p_" + Of(Alphanumeric, 36, 124),
    };

    /// <summary>Copies <paramref name="templates"/> to <paramref name="target"/> with every marker replaced; returns the planted secrets' places.</summary>
    public static IReadOnlyList<PlantedSecret> Materialise(string templates, string target)
    {
        var planted = new List<PlantedSecret>();
        foreach (var source in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(templates, source).Replace('\\', '/');
            var lines = File.ReadAllText(source).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var lineNumber = i + 1;
                lines[i] = Marker().Replace(lines[i], match =>
                {
                    var name = match.Groups["name"].Value;
                    if (!Values.TryGetValue(name, out var value))
                    {
                        throw new InvalidDataException($"{relative}:{lineNumber}: no planted value named '{name}'.");
                    }

                    if (match.Groups["kind"].Value == "plant")
                    {
                        planted.Add(new PlantedSecret(relative, lineNumber, name));
                    }

                    return value;
                });
            }

            var path = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join('\n', lines));
        }

        return planted;
    }

    private static string Of(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [GeneratedRegex(@"\{\{(?<kind>plant|part|miss):(?<name>[a-z0-9-]+)\}\}")]
    private static partial Regex Marker();
}

/// <summary>A planted secret: the file (relative, forward slashes) and 1-based line where it starts.</summary>
public sealed record PlantedSecret(string File, int Line, string Name);
