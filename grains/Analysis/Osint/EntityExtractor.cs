using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>Entities found in a piece of text; each list is distinct and sorted.</summary>
public sealed record ExtractedEntities(
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> IPv4,
    IReadOnlyList<string> IPv6);

/// <summary>
/// Emails (also written "name [at] domain [dot] com", "(at)" or " at … dot "), phone numbers as E.164 through
/// libphonenumber, URLs, domains reduced to their registrable domain and accepted only under a known public suffix,
/// and IPv4/IPv6 addresses.
/// </summary>
public sealed partial class EntityExtractor(PublicSuffixList suffixes, string defaultRegion)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public ExtractedEntities Extract(string text) => Extract(text, [], []);

    /// <param name="text">Visible text.</param>
    /// <param name="mailtoAddresses">Addresses from mailto: links.</param>
    /// <param name="telNumbers">Numbers from tel: links.</param>
    public ExtractedEntities Extract(string text, IEnumerable<string> mailtoAddresses, IEnumerable<string> telNumbers)
    {
        ArgumentNullException.ThrowIfNull(text);
        var emails = new SortedSet<string>(StringComparer.Ordinal);
        var deobfuscated = Deobfuscate(text);
        foreach (var candidate in EmailPattern().Matches(deobfuscated).Select(m => m.Value).Concat(mailtoAddresses))
        {
            var email = candidate.Trim().TrimEnd('.').ToLowerInvariant();
            var at = email.LastIndexOf('@');
            if (at > 0 && suffixes.IsValidDomain(email[(at + 1)..]) && EmailPattern().IsMatch(email))
            {
                emails.Add(email);
            }
        }

        var phones = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var match in Phones.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            phones.Add(Phones.Format(match.Number, PhoneNumberFormat.E164));
        }

        foreach (var tel in telNumbers)
        {
            if (TryParsePhone(tel, out var e164))
            {
                phones.Add(e164);
            }
        }

        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in UrlPattern().Matches(text))
        {
            if (Uri.TryCreate(match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\''), UriKind.Absolute, out var url))
            {
                urls.Add(url.AbsoluteUri);
            }
        }

        var domains = new SortedSet<string>(StringComparer.Ordinal);
        var hosts = HostPattern().Matches(deobfuscated).Select(m => m.Value)
            .Concat(urls.Select(u => new Uri(u).Host))
            .Concat(emails.Select(e => e[(e.LastIndexOf('@') + 1)..]));
        foreach (var host in hosts)
        {
            if (suffixes.RegistrableDomain(host) is { } domain)
            {
                domains.Add(domain);
            }
        }

        var v4 = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in IPv4Pattern().Matches(text))
        {
            if (IPAddress.TryParse(match.Value, out var address) && address.AddressFamily == AddressFamily.InterNetwork
                && address.ToString() == match.Value)
            {
                v4.Add(match.Value);
            }
        }

        var v6 = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in IPv6Pattern().Matches(text))
        {
            if (match.Value.Count(c => c == ':') >= 2 && match.Value.Any(char.IsAsciiHexDigit)
                && IPAddress.TryParse(match.Value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                v6.Add(address.ToString());
            }
        }

        return new ExtractedEntities([.. emails], [.. phones], [.. urls], [.. domains], [.. v4], [.. v6]);
    }

    public bool TryParsePhone(string raw, out string e164)
    {
        e164 = "";
        try
        {
            var number = Phones.Parse(raw, defaultRegion);
            if (!Phones.IsValidNumber(number))
            {
                return false;
            }

            e164 = Phones.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>"jane [at] example [dot] org", "jane(at)example(dot)org", "jane at example dot org" → "jane@example.org".</summary>
    internal static string Deobfuscate(string text)
    {
        var result = BracketedAt().Replace(text, "@");
        result = BracketedDot().Replace(result, ".");
        return SpelledOut().Replace(result, m =>
            $"{m.Groups["user"].Value}@{string.Join('.', m.Groups["label"].Captures.Select(c => c.Value))}");
    }

    [GeneratedRegex(@"[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedAt();

    [GeneratedRegex(@"\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedDot();

    // Plain " at " needs at least one " dot " after it, so ordinary prose ("meet at noon") stays prose.
    [GeneratedRegex(@"\b(?<user>[A-Za-z0-9._%+-]+)\s+at\s+(?<label>[A-Za-z0-9-]+)(?:\s+dot\s+(?<label>[A-Za-z0-9-]+))+\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledOut();

    [GeneratedRegex(@"\bhttps?://[^\s""'<>()\[\]{}]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9](?![A-Za-z0-9@-]|\.[A-Za-z0-9])")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)")]
    private static partial Regex IPv4Pattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])")]
    private static partial Regex IPv6Pattern();
}
