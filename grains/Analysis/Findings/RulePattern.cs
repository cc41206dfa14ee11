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

    /// <summary>Whether a word reads as a rule pattern rather than prose: it has a '/' (<c>secret/jwt</c>) or is <c>*</c>.</summary>
    public static bool LooksLikeRule(string word) => word == "*" || (word.Contains('/', StringComparison.Ordinal) && !word.EndsWith('/'));

    public bool Matches(string rule)
        => Text.EndsWith('*')
            ? rule.StartsWith(Text[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(rule, Text, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;
}
