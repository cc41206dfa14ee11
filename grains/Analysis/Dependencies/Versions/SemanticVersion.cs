using System.Globalization;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// A SemVer 2.0 version. Parsing is lenient where ecosystems are: Go writes a leading "v", npm tolerates "=" and
/// "v", and a missing minor or patch reads as 0 (OSV's "introduced": "0"). Build metadata is kept out of ordering.
/// </summary>
public sealed record SemanticVersion(long Major, long Minor, long Patch, IReadOnlyList<string> Prerelease)
{
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().TrimStart('=').TrimStart('v', 'V');
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            s = s[..plus];
        }

        string[] prerelease = [];
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = s[(dash + 1)..].Split('.');
            s = s[..dash];
            if (prerelease.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                return false;
            }
        }

        var parts = s.Split('.');
        if (parts.Length is 0 or > 3)
        {
            return false;
        }

        var numbers = new long[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].All(char.IsAsciiDigit)
                || !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], prerelease);
        return true;
    }

    public int CompareTo(SemanticVersion other)
    {
        var release = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (release != 0)
        {
            return release;
        }

        // A prerelease sorts before its release: 1.0.0-rc.1 < 1.0.0.
        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
        {
            return Math.Sign(other.Prerelease.Count.CompareTo(Prerelease.Count));
        }

        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var order = CompareIdentifier(Prerelease[i], other.Prerelease[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return Math.Sign(Prerelease.Count.CompareTo(other.Prerelease.Count));
    }

    private static int CompareIdentifier(string left, string right)
    {
        var leftNumeric = left.All(char.IsAsciiDigit);
        var rightNumeric = right.All(char.IsAsciiDigit);
        return (leftNumeric, rightNumeric) switch
        {
            // Numeric identifiers compare by value, and always sort before alphanumeric ones.
            (true, true) => NumericText.Compare(left, right),
            (true, false) => -1,
            (false, true) => 1,
            _ => Math.Sign(string.CompareOrdinal(left, right)),
        };
    }
}
