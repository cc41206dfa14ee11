using System.Text;
using Amas.Orleans.Analysis.Security;

namespace Amas.Orleans.Providers.Safety;

/// <summary>
/// Takes credentials out of a prompt before it leaves for a provider, with the security scanner's own rules: a
/// prompt built from repository text must not hand a third party the keys the repository leaked.
/// </summary>
public sealed class PromptSecretRedactor(SecretRuleSet rules)
{
    public PromptSecretRedactor() : this(SecretRuleSet.Default)
    {
    }

    /// <summary>The text with each secret replaced by <c>[redacted secret/&lt;kind&gt;]</c>; the same instance when none was found.</summary>
    public string Redact(string text)
    {
        var spans = new List<(int Start, int End, string Rule)>();
        foreach (var rule in rules.Rules)
        {
            if (!rule.MayOccurIn(text))
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(text))
            {
                var secret = match.Groups[rule.SecretGroup];
                if (secret.Success && rule.Accepts(secret.Value)
                    && !spans.Any(s => s.Start < secret.Index + secret.Length && secret.Index < s.End))
                {
                    spans.Add((secret.Index, secret.Index + secret.Length, rule.Id));
                }
            }
        }

        if (spans.Count == 0)
        {
            return text;
        }

        var redacted = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, rule) in spans.OrderBy(s => s.Start))
        {
            redacted.Append(text, at, start - at).Append("[redacted ").Append(rule).Append(']');
            at = end;
        }

        return redacted.Append(text, at, text.Length - at).ToString();
    }
}
