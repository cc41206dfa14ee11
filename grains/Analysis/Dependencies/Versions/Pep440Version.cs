using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// A Python version per PEP 440, parsed with the spec's permissive normalisation (case, "v" prefix, alpha/beta/c/pre/
/// preview spellings, separators, implicit numbers, "1.0-1" as a post release).
/// </summary>
public sealed partial record Pep440Version(
    string Epoch,
    IReadOnlyList<string> Release,
    PreRelease? Pre,
    string? Post,
    string? Dev,
    IReadOnlyList<string> Local)
{
    public static bool TryParse(string? text, out Pep440Version version)
    {
        version = null!;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        PreRelease? pre = null;
        if (match.Groups["pre"].Success)
        {
            var label = match.Groups["prel"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => PreReleaseKind.Alpha,
                "b" or "beta" => PreReleaseKind.Beta,
                _ => PreReleaseKind.ReleaseCandidate, // c, rc, pre, preview
            };
            pre = new PreRelease(label, Number(match.Groups["pren"]));
        }

        string? post = match.Groups["post1"].Success
            ? match.Groups["post1"].Value
            : match.Groups["post"].Success ? Number(match.Groups["postn"]) : null;
        string? dev = match.Groups["dev"].Success ? Number(match.Groups["devn"]) : null;
        var local = match.Groups["local"].Success
            ? match.Groups["local"].Value.ToLowerInvariant().Split('.', '-', '_')
            : [];
        version = new Pep440Version(
            match.Groups["epoch"].Success ? match.Groups["epoch"].Value : "0",
            match.Groups["release"].Value.Split('.'),
            pre,
            post,
            dev,
            local);
        return true;
    }

    /// <summary>
    /// The order of PEP 440 §"Summary of permitted suffixes": epoch, release (trailing zeros ignored), then
    /// dev-only releases before pre-releases before the final release, post releases after it, a dev release before
    /// the release it precedes, and a local label after the same public version.
    /// </summary>
    public int CompareTo(Pep440Version other)
    {
        var order = NumericText.Compare(Epoch, other.Epoch);
        if (order != 0)
        {
            return order;
        }

        order = CompareRelease(Release, other.Release);
        if (order != 0)
        {
            return order;
        }

        order = PreRank().CompareTo(other.PreRank());
        if (order != 0)
        {
            return Math.Sign(order);
        }

        if (Pre is not null && other.Pre is not null)
        {
            order = NumericText.Compare(Pre.Number, other.Pre.Number);
            if (order != 0)
            {
                return order;
            }
        }

        // No post release sorts first; no dev release sorts last.
        order = CompareOptional(Post, other.Post, missingFirst: true);
        if (order != 0)
        {
            return order;
        }

        order = CompareOptional(Dev, other.Dev, missingFirst: false);
        return order != 0 ? order : CompareLocal(Local, other.Local);
    }

    private int PreRank() => Pre switch
    {
        // 1.0.dev1 comes before 1.0a1: a dev release of the final version is earlier than any of its pre-releases.
        null when Post is null && Dev is not null => -1,
        null => 3,
        _ => (int)Pre.Kind,
    };

    private static int CompareRelease(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var order = NumericText.Compare(i < left.Count ? left[i] : "0", i < right.Count ? right[i] : "0");
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static int CompareOptional(string? left, string? right, bool missingFirst) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => missingFirst ? -1 : 1,
        (_, null) => missingFirst ? 1 : -1,
        _ => NumericText.Compare(left, right),
    };

    private static int CompareLocal(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var leftNumeric = left[i].All(char.IsAsciiDigit);
            var rightNumeric = right[i].All(char.IsAsciiDigit);
            var order = (leftNumeric, rightNumeric) switch
            {
                (true, true) => NumericText.Compare(left[i], right[i]),
                // Numeric local segments sort after alphanumeric ones.
                (true, false) => 1,
                (false, true) => -1,
                _ => Math.Sign(string.CompareOrdinal(left[i], right[i])),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return Math.Sign(left.Count.CompareTo(right.Count));
    }

    private static string Number(Group group) => group.Success && group.Value.Length > 0 ? group.Value : "0";

    // The regular expression of PEP 440 Appendix B, with named groups for the parts ordering needs.
    [GeneratedRegex(
        @"^v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)"
        + @"(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
        + @"(?<post>(?:-(?<post1>[0-9]+))|(?:[-_.]?(?:post|rev|r)[-_.]?(?<postn>[0-9]+)?))?"
        + @"(?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?"
        + @"(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
