using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Finds credentials in one file's text. Stateless and thread-safe: one instance serves every file of every run.
/// </summary>
public sealed class SecretScanner
{
    public const string AgentName = "SecurityScanner";

    public const string Category = "secrets";

    /// <summary>
    /// A finding on a line carrying this marker (usually in a comment) is reported suppressed, with the reason written
    /// after it: the author vouched for it (<see cref="InlineSuppression"/>).
    /// </summary>
    public const string IgnoreMarker = InlineSuppression.Marker;

    private const string ReasonWithheld = "marked amas:ignore (the reason is not shown: it holds a secret)";

    private const string Fix =
        "Treat the credential as leaked: revoke or rotate it, remove it from the history, and load it at run time "
        + "from configuration or a secret store.";

    public SecretScanner()
        : this(SecretRuleSet.Default)
    {
    }

    public SecretScanner(SecretRuleSet rules)
        : this(rules, SecretScanPolicy.Default)
    {
    }

    public SecretScanner(SecretRuleSet rules, SecretScanPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(policy);
        Rules = rules;
        Policy = policy;
    }

    public SecretRuleSet Rules { get; }

    /// <summary>Allowlists and disabled rules, usually the built-in ones merged with a repository's own configuration.</summary>
    public SecretScanPolicy Policy { get; }

    /// <summary>The same rules under another policy (a repository's <c>.amas-secrets.json</c>, say).</summary>
    public SecretScanner WithPolicy(SecretScanPolicy policy) => new(Rules, policy);

    /// <summary>The file's findings in order of position, then rule.</summary>
    public IReadOnlyList<Finding> Scan(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Policy.Global.AllowsPath(file.Path))
        {
            return [];
        }

        var matches = FindMatches(file.Path, file.Text, cancellationToken);
        if (matches.Count == 0)
        {
            return [];
        }

        var lines = new LineIndex(file.Text);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var match in KeepMostSpecific(matches))
        {
            var (line, column) = lines.Locate(match.MatchStart);
            var bounds = lines.Bounds(line);
            var suppression = InlineSuppression.For(file.Text.AsSpan(bounds.Start, bounds.End - bounds.Start), match.Rule.Id, file.Path, line);
            // The reason follows the marker on the secret's own line: it must not carry that secret or any other.
            if (suppression is not null && matches.Exists(m => suppression.Reason.Contains(m.Secret, StringComparison.Ordinal)))
            {
                suppression = suppression with { Reason = ReasonWithheld };
            }

            // The anchor carries a hash of the secret, never the secret, and no position: moving the line keeps the id.
            var anchor = $"{match.Rule.Id}:{Sha256Hex(match.Secret)}";
            var occurrence = occurrences.GetValueOrDefault(anchor);
            occurrences[anchor] = occurrence + 1;

            var endLine = lines.Locate(Math.Max(match.MatchStart, match.MatchEnd - 1)).Line;
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(match.Rule.Id, file.Path, anchor, occurrence),
                Agent = AgentName,
                Sources = [AgentName],
                Rule = match.Rule.Id,
                Severity = match.Rule.Severity,
                Category = Category,
                File = file.Path,
                Line = line,
                Column = column,
                EndLine = endLine > line ? endLine : null,
                Message = $"Possible {match.Rule.Description} in source; anyone who can read the repository can use it.",
                Evidence = SecretEvidence.Build(file.Text, bounds, match, matches),
                Fix = Fix,
                Suppression = suppression,
            });
        }

        return findings;
    }

    private List<SecretSpan> FindMatches(string path, string text, CancellationToken cancellationToken)
    {
        var found = new List<SecretSpan>();
        for (var priority = 0; priority < Rules.Rules.Count; priority++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rule = Rules.Rules[priority];
            if (!Policy.IsEnabled(rule) || !rule.MayOccurIn(text))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(text))
            {
                var secret = match.Groups[rule.SecretGroup];
                if (rule.Accepts(match) && Policy.Reports(rule, path, secret.Value))
                {
                    found.Add(new SecretSpan(
                        rule, priority, match.Index, match.Index + match.Length, secret.Index, secret.Index + secret.Length, secret.Value));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// One report per secret: where matches overlap, a specific rule beats a generic one, and an earlier rule a later.
    /// </summary>
    private static IEnumerable<SecretSpan> KeepMostSpecific(List<SecretSpan> matches)
    {
        var kept = new List<SecretSpan>();
        foreach (var candidate in matches.OrderBy(m => m.Rule.IsGeneric).ThenBy(m => m.Priority).ThenBy(m => m.SecretStart))
        {
            if (!kept.Exists(k => k.Overlaps(candidate)))
            {
                kept.Add(candidate);
            }
        }

        return kept.OrderBy(m => m.MatchStart).ThenBy(m => m.Rule.Id, StringComparer.Ordinal);
    }

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
