using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Findings;
using Amas.Orleans.Providers.Safety;
using PhoneNumbers;

namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>
/// What an audit entry's free text may keep. Secrets go first, with the security scanner's own rules plus one for
/// this gateway's API keys; then e-mail addresses and international phone numbers (personal data a caller may have
/// typed into a field that a refusal echoes). Control characters are spelled out and text is capped, so an entry can
/// neither break a log viewer's lines nor be refused by PostgreSQL (which stores no NUL characters).
/// </summary>
public sealed partial class AuditRedactor
{
    public const int MaxValueLength = 2_000;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private readonly PromptSecretRedactor _secrets = new(new SecretRuleSet([.. SecretRuleSet.Default.Rules, AmasApiKeyRule()]));

    public AuditEntry Redact(AuditEntry entry) => entry with
    {
        Caller = Clean(entry.Caller),
        Action = Clean(entry.Action),
        Resource = entry.Resource is null ? null : Redact(entry.Resource),
        TraceId = entry.TraceId is null ? null : Clean(entry.TraceId),
        Detail = entry.Detail.ToDictionary(pair => Clean(pair.Key), pair => Redact(pair.Value), StringComparer.Ordinal),
    };

    public string Redact(string text)
    {
        var redacted = _secrets.Redact(Clean(text));
        redacted = EmailPattern().Replace(redacted, "[redacted email]");
        // "ZZ" (no default region): only numbers written internationally (+…) are found, so ids and counts stay. Text
        // without a plus sign (ASCII or full-width, the two libphonenumber reads) can hold no such number; the matcher
        // would try every digit run of it (a task id, a trace id) by throwing an exception per candidate.
        if (redacted.AsSpan().IndexOfAny('+', '\uFF0B') < 0)
        {
            return redacted;
        }

        foreach (var match in Phones.FindNumbers(redacted, "ZZ", PhoneNumberUtil.Leniency.VALID, long.MaxValue).Reverse())
        {
            redacted = redacted.Remove(match.Start, match.Length).Insert(match.Start, "[redacted phone]");
        }

        return redacted;
    }

    /// <summary>Caps the length, writes control characters as <c>\uXXXX</c> and replaces lone surrogates.</summary>
    public static string Clean(string text)
    {
        var capped = text.Length > MaxValueLength ? text[..MaxValueLength] : text;
        var clean = new StringBuilder(capped.Length);
        for (var i = 0; i < capped.Length; i++)
        {
            var c = capped[i];
            if (char.IsHighSurrogate(c) && i + 1 < capped.Length && char.IsLowSurrogate(capped[i + 1]))
            {
                clean.Append(c).Append(capped[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (char.IsControl(c))
            {
                clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                clean.Append(c);
            }
        }

        if (text.Length > MaxValueLength)
        {
            clean.Append("…[truncated]");
        }

        return clean.ToString();
    }

    private static SecretRule AmasApiKeyRule() => new()
    {
        Id = "secret/amas-api-key",
        Description = "Amas API key",
        Severity = Severity.Critical,
        Pattern = new Regex(@"(?<secret>amas_[A-Za-z0-9_\-]{20,})", SecretRule.PatternOptions),
        Keywords = [ApiKeys.ApiKeySecrets.Prefix],
        RejectsPlaceholders = false,
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
