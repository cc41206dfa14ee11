using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// A repository's own tuning of the secret scan, read from <see cref="FileName"/> at its root:
/// <code>
/// {
///   "allowlist": { "paths": ["**/testdata/**"], "regexes": ["^AKIA[A-Z0-9]{12}EXAMPLE$"], "stopwords": ["fixture"] },
///   "rules": {
///     "secret/generic-assignment": { "paths": ["docs/**"], "stopwords": ["sample"] },
///     "secret/jwt": { "disabled": true }
///   }
/// }
/// </code>
/// JSON with comments and trailing commas; property names are case-insensitive. Regexes run on the secret only and
/// must suit .NET's non-backtracking engine (no lookarounds or backreferences), since the repository may be hostile.
/// </summary>
public static class SecretConfigFile
{
    public const string FileName = ".amas-secrets.json";

    /// <summary>A configuration file is a few lines; anything larger is refused rather than parsed.</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The policy in <paramref name="repositoryRoot"/>'s config file, or null when it has none.
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists but is too large, not valid JSON, or holds a bad glob or regex.</exception>
    public static async Task<SecretScanPolicy?> LoadAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.Combine(repositoryRoot, FileName));
        // A link could make the scanner read a file outside the checkout.
        if (!file.Exists || file.LinkTarget is not null)
        {
            return null;
        }

        if (file.Length > MaxBytes)
        {
            throw new InvalidDataException($"{FileName} is larger than {MaxBytes} bytes.");
        }

        var text = (await FileText.ReadAsync(file.FullName, cancellationToken).ConfigureAwait(false)).Text;
        return Parse(text);
    }

    /// <exception cref="InvalidDataException">The text is not a valid configuration.</exception>
    public static SecretScanPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ConfigDocument document;
        try
        {
            document = JsonSerializer.Deserialize<ConfigDocument>(json, Json) ?? new ConfigDocument();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FileName} is not valid: {ex.Message}", ex);
        }

        var perRule = new Dictionary<string, SecretAllowlist>(StringComparer.Ordinal);
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, rule) in document.Rules ?? [])
        {
            if (rule.Disabled)
            {
                disabled.Add(id);
            }

            perRule[id] = ToAllowlist(rule, $"rules.{id}");
        }

        return new SecretScanPolicy
        {
            Global = ToAllowlist(document.Allowlist ?? new AllowlistDocument(), "allowlist"),
            PerRule = perRule,
            DisabledRules = disabled,
        };
    }

    private static SecretAllowlist ToAllowlist(AllowlistDocument document, string where) => new()
    {
        Paths = [.. (document.Paths ?? []).Select(p => Compile(p, where, static p => new PathGlob(p)))],
        Secrets = [.. (document.Regexes ?? []).Select(r => Compile(r, where, static r => new Regex(r, SecretRule.PatternOptions)))],
        Stopwords = [.. (document.Stopwords ?? []).Where(s => !string.IsNullOrWhiteSpace(s))],
    };

    private static T Compile<T>(string source, string where, Func<string, T> compile)
    {
        try
        {
            return compile(source);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{FileName}: '{source}' in {where} is not usable: {ex.Message}", ex);
        }
    }

    private sealed class ConfigDocument
    {
        public AllowlistDocument? Allowlist { get; set; }

        public Dictionary<string, RuleDocument>? Rules { get; set; }
    }

    private class AllowlistDocument
    {
        public List<string>? Paths { get; set; }

        public List<string>? Regexes { get; set; }

        public List<string>? Stopwords { get; set; }
    }

    private sealed class RuleDocument : AllowlistDocument
    {
        public bool Disabled { get; set; }
    }
}
