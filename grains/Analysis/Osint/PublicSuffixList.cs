using System.Globalization;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// The Public Suffix List (publicsuffix.org): normal, wildcard (<c>*.ck</c>) and exception (<c>!www.ck</c>) rules.
/// A domain is accepted only when an explicit rule matches its suffix, so made-up TLDs ("file.txt", "a.b") are not
/// taken for domains; the registrable domain is the public suffix plus one label.
/// </summary>
public sealed class PublicSuffixList
{
    private static readonly IdnMapping Idn = new();
    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions)
    {
        _rules = rules;
        _wildcards = wildcards;
        _exceptions = exceptions;
    }

    public int RuleCount => _rules.Count + _wildcards.Count + _exceptions.Count;

    public static PublicSuffixList Load(string path) => Parse(File.ReadLines(path));

    public static PublicSuffixList Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        HashSet<string> rules = new(StringComparer.Ordinal), wildcards = new(StringComparer.Ordinal), exceptions = new(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var space = line.IndexOfAny([' ', '\t']);
            if (space >= 0)
            {
                line = line[..space];
            }

            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith('!'))
            {
                exceptions.Add(ToAscii(line[1..]) ?? line[1..]);
            }
            else if (line.StartsWith("*.", StringComparison.Ordinal))
            {
                wildcards.Add(ToAscii(line[2..]) ?? line[2..]);
            }
            else
            {
                rules.Add(ToAscii(line) ?? line);
            }
        }

        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    /// <summary>The registrable domain ("www.bbc.co.uk" → "bbc.co.uk"), or null when the host is not under a known public suffix or is one.</summary>
    public string? RegistrableDomain(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ascii = ToAscii(host.TrimEnd('.'));
        if (ascii is null)
        {
            return null;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return null;
        }

        var suffixLabels = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var candidate = string.Join('.', labels[i..]);
            if (_exceptions.Contains(candidate))
            {
                // An exception rule's public suffix is the rule minus its leftmost label.
                suffixLabels = labels.Length - i - 1;
                break;
            }

            if (_rules.Contains(candidate))
            {
                suffixLabels = Math.Max(suffixLabels, labels.Length - i);
            }

            if (i + 1 < labels.Length && _wildcards.Contains(string.Join('.', labels[(i + 1)..])))
            {
                suffixLabels = Math.Max(suffixLabels, labels.Length - i);
            }
        }

        if (suffixLabels == 0 || suffixLabels >= labels.Length)
        {
            return null;
        }

        return string.Join('.', labels[^(suffixLabels + 1)..]);
    }

    public bool IsValidDomain(string host) => RegistrableDomain(host) is not null;

    private static string? ToAscii(string host)
    {
        try
        {
            return Idn.GetAscii(host.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
