using System.Text;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// A parsed robots.txt (RFC 9309): groups of user-agent lines with allow and disallow rules. The group for a crawler
/// is every group naming its product token (case-insensitive), or else every <c>*</c> group; the longest matching
/// rule decides, and allow wins a tie. <c>*</c> matches any run of characters and a trailing <c>$</c> anchors the end.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>RFC 9309 §2.5: crawlers must parse at least 500 KiB.</summary>
    public const int ParseLimitBytes = 500 * 1024;

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups) => _groups = groups;

    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Set when robots.txt could not be fetched because the host's address is refused; nothing there may be fetched.</summary>
    public string? AddressRefusal { get; private init; }

    public static RobotsTxt RefusedAddress(string reason) => new([new Group(["*"], [new Rule("/", Allow: false)])]) { AddressRefusal = reason };

    /// <summary>For an unreachable robots.txt (5xx, network error): RFC 9309 §2.3.1.3 says assume complete disallow.</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"], [new Rule("/", Allow: false)])]);

    public static RobotsTxt Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Encoding.UTF8.GetByteCount(content) > ParseLimitBytes)
        {
            content = content[..Math.Min(content.Length, ParseLimitBytes)];
        }

        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group([], []);
                        groups.Add(current);
                    }

                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    break;
                case "allow" or "disallow":
                    lastWasAgent = false;
                    // Rules before any user-agent line belong to no group (RFC 9309 §2.1).
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new Rule(NormalisePattern(value), key == "allow"));
                    }

                    break;
                default:
                    // Sitemap, crawl-delay and unknown keys neither start nor end a group.
                    break;
            }
        }

        return new RobotsTxt(groups);
    }

    /// <summary>The product token of a user agent string: "AmasOsint/1.0 (+url)" → "amasosint".</summary>
    public static string ProductToken(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        var end = userAgent.IndexOfAny([' ', '/', '(']);
        return (end < 0 ? userAgent : userAgent[..end]).Trim().ToLowerInvariant();
    }

    public bool IsAllowed(string productToken, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var token = productToken.ToLowerInvariant();
        var rules = _groups.Where(g => g.Agents.Contains(token)).SelectMany(g => g.Rules).ToList();
        if (rules.Count == 0 && !_groups.Any(g => g.Agents.Contains(token)))
        {
            rules = _groups.Where(g => g.Agents.Contains("*")).SelectMany(g => g.Rules).ToList();
        }

        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!Matches(rule.Pattern, path))
            {
                continue;
            }

            if (best is null || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>Percent-encodes what a URL path would encode, so "/ä" in robots.txt matches "/%C3%A4" in the URL.</summary>
    private static string NormalisePattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (rune.Value < 0x80 && rune.Value > 0x20)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        return Match(body, 0, path, 0, anchored);
    }

    private static bool Match(string pattern, int pi, string path, int si, bool anchored)
    {
        while (pi < pattern.Length)
        {
            var c = pattern[pi];
            if (c == '*')
            {
                while (pi < pattern.Length && pattern[pi] == '*')
                {
                    pi++;
                }

                if (pi == pattern.Length)
                {
                    return true;
                }

                for (var start = si; start <= path.Length; start++)
                {
                    if (Match(pattern, pi, path, start, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= path.Length || c != path[si])
            {
                return false;
            }

            pi++;
            si++;
        }

        return !anchored || si == path.Length;
    }

    private sealed record Group(List<string> Agents, List<Rule> Rules);

    private sealed record Rule(string Pattern, bool Allow);
}
