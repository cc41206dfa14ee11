using System.Buffers;
using System.Text.RegularExpressions;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// One kind of credential the <see cref="SecretScanner"/> looks for. A rule is data: the scanner knows nothing about
/// any particular provider.
/// </summary>
public sealed class SecretRule
{
    /// <summary>
    /// NonBacktracking keeps every pattern linear in the input, so a hostile file cannot stall a scan. It rejects
    /// RightToLeft and ECMAScript (and lookarounds, backreferences, atomic groups in patterns); CultureInvariant,
    /// Multiline, IgnoreCase and ExplicitCapture combine with it.
    /// </summary>
    public const RegexOptions PatternOptions =
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.ExplicitCapture;

    /// <summary>Stable id in the form <c>secret/&lt;kind&gt;</c>; it is the finding's rule.</summary>
    public required string Id { get; init; }

    /// <summary>The kind of credential as a noun phrase ("AWS access key id"); findings' messages name it.</summary>
    public required string Description { get; init; }

    public required Severity Severity { get; init; }

    public required Regex Pattern { get; init; }

    /// <summary>Name of the capture group holding the secret itself; only that part is hashed and redacted.</summary>
    public string SecretGroup { get; init; } = "secret";

    /// <summary>
    /// Case-insensitive pre-filter: a file containing none of these never reaches <see cref="Pattern"/>.
    /// Every text the pattern can match must contain one of them. Empty means the pattern always runs.
    /// </summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Minimum Shannon entropy (bits per character) of the secret, for patterns loose enough to match prose.</summary>
    public double? MinEntropy { get; init; }

    /// <summary>A catch-all rule: it yields to any specific rule that matched the same secret.</summary>
    public bool IsGeneric { get; init; }

    /// <summary>Off for secrets such as key blocks, whose long random bodies would now and then contain a placeholder word.</summary>
    public bool RejectsPlaceholders { get; init; } = true;

    /// <summary>A check a regular expression cannot express (a JWT header that decodes to JSON, say).</summary>
    public Func<string, bool>? Validate { get; init; }

    /// <summary>Name of the capture group holding the name the secret is assigned to, for <see cref="ValidateKey"/>.</summary>
    public string KeyGroup { get; init; } = "key";

    /// <summary>A check on that name: false when it cannot name a credential (a package id ending in "Token").</summary>
    public Func<string, bool>? ValidateKey { get; init; }

    /// <summary>Paths, secrets and stopwords this rule never reports, on top of the scanner's global allowlist.</summary>
    public SecretAllowlist Allowlist { get; init; } = SecretAllowlist.Empty;

    private SearchValues<string>? KeywordSearch =>
        Keywords.Count == 0 ? null : field ??= SearchValues.Create([.. Keywords], StringComparison.OrdinalIgnoreCase);

    public static Regex CreatePattern(string pattern) => new(pattern, PatternOptions);

    /// <summary>Whether the keyword pre-filter lets <paramref name="text"/> through to the pattern.</summary>
    public bool MayOccurIn(string text) => KeywordSearch is not { } search || text.AsSpan().ContainsAny(search);

    /// <summary>Whether a value the pattern captured counts as a secret rather than a placeholder or noise.</summary>
    public bool Accepts(string secret) =>
        secret.Length > 0
        && !(RejectsPlaceholders && PlaceholderValues.IsPlaceholder(secret))
        && (MinEntropy is not { } floor || ShannonEntropy.BitsPerChar(secret) >= floor)
        && (Validate is null || Validate(secret));

    /// <summary>Whether a whole match counts: its secret passes <see cref="Accepts(string)"/> and its key, if any, names a credential.</summary>
    public bool Accepts(Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var secret = match.Groups[SecretGroup];
        if (!secret.Success || !Accepts(secret.Value))
        {
            return false;
        }

        var key = match.Groups[KeyGroup];
        return ValidateKey is null || !key.Success || ValidateKey(key.Value);
    }

    public override string ToString() => Id;
}
