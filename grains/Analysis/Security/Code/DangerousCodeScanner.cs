using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Security.Code;

/// <summary>
/// Finds dangerous code patterns in one file's text. Stateless and thread-safe, like the secret scanner it runs
/// beside; its findings share the agent but not the category ("security" rather than "secrets").
/// </summary>
public sealed class DangerousCodeScanner
{
    public const string Category = "security";

    private const int MaxEvidenceLength = 200;

    // Comment lines talk about code; flagging "# never call eval(x)" would teach people to ignore the agent.
    private static readonly string[] CommentStarts = ["//", "#", "/*", "*", "--"];

    public DangerousCodeScanner()
        : this(DangerousCodeRules.Default, SecretScanPolicy.Default)
    {
    }

    public DangerousCodeScanner(IReadOnlyList<CodeRule> rules, SecretScanPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(policy);
        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule id '{duplicate.Key}' appears more than once.", nameof(rules));
        }

        Rules = rules;
        Policy = policy;
    }

    public IReadOnlyList<CodeRule> Rules { get; }

    /// <summary>Shared with the secret scan: global and per-rule path allowlists and disabled rule ids apply here too.</summary>
    public SecretScanPolicy Policy { get; }

    public DangerousCodeScanner WithPolicy(SecretScanPolicy policy) => new(Rules, policy);

    /// <summary>The file's findings in order of position, then rule.</summary>
    public IReadOnlyList<Finding> Scan(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Policy.Global.AllowsPath(file.Path))
        {
            return [];
        }

        LineIndex? lines = null;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Policy.ReportsAnywhere(rule.Id, file.Path) || !rule.AppliesTo(file))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(file.Text))
            {
                lines ??= new LineIndex(file.Text);
                var at = match.Groups["at"] is { Success: true } group ? group.Index : match.Index;
                var (line, column) = lines.Locate(at);
                var bounds = lines.Bounds(line);
                var text = file.Text[bounds.Start..bounds.End];
                if (IsQuiet(rule, text))
                {
                    continue;
                }

                var anchor = $"{rule.Id}:{text.Trim()}";
                var occurrence = occurrences.GetValueOrDefault(anchor);
                occurrences[anchor] = occurrence + 1;
                var endLine = lines.Locate(Math.Max(at, match.Index + match.Length - 1)).Line;
                findings.Add(new Finding
                {
                    Id = FindingFingerprint.Create(rule.Id, file.Path, anchor, occurrence),
                    Agent = SecretScanner.AgentName,
                    Sources = [SecretScanner.AgentName],
                    Rule = rule.Id,
                    Severity = rule.Severity,
                    Category = Category,
                    File = file.Path,
                    Line = line,
                    Column = column,
                    EndLine = endLine > line ? endLine : null,
                    Message = $"{char.ToUpperInvariant(rule.Description[0])}{rule.Description[1..]} ({rule.Cwe}).",
                    Evidence = Evidence(text),
                    Fix = rule.Fix,
                    Suppression = InlineSuppression.For(text, rule.Id, file.Path, line),
                });
            }
        }

        return [.. findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)];
    }

    private static bool IsQuiet(CodeRule rule, string line)
    {
        var trimmed = line.TrimStart();
        return CommentStarts.Any(start => trimmed.StartsWith(start, StringComparison.Ordinal))
            || rule.SafeLineMarkers.Any(marker => line.Contains(marker, StringComparison.Ordinal));
    }

    private static string Evidence(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= MaxEvidenceLength ? trimmed : string.Concat(trimmed.AsSpan(0, MaxEvidenceLength), "…");
    }
}
