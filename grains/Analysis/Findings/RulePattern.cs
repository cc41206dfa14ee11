namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// A rule id as suppressions and the concept table write it: an exact id (<c>DL3007</c>), a prefix ending in
/// <c>*</c> (<c>secret/*</c>) or <c>*</c> for every rule. Ids compare ignoring case, since people type them.
/// </summary>
public readonly record struct RulePattern
{
    public RulePattern(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text.Trim();
    }

    public string Text { get; }

    /// <summary>The namespaces of our rule ids that have a '/' (<c>secret/jwt</c>, <c>code/python-eval</c>).</summary>
    private static readonly string[] Families = ["secret/", "code/", "perf/", "code-quality/"];

    /// <summary>
    /// Whether a word reads as a rule pattern rather than prose: <c>*</c>, or an id or prefix in one of our rule
    /// namespaces, so a reason that starts with a path (<c>tests/fixtures only</c>) stays a reason.
    /// </summary>
    public static bool LooksLikeRule(string word)
        => word == "*" || Families.Any(f => word.Length > f.Length && word.StartsWith(f, StringComparison.OrdinalIgnoreCase));

    public bool Matches(string rule)
        => Text.EndsWith('*')
            ? rule.StartsWith(Text[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(rule, Text, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;
}
