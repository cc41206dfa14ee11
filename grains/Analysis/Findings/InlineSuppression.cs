using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// The <c>amas:ignore</c> marker, usually in a comment on the finding's line: <c>amas:ignore</c> alone, with a
/// reason (<c># amas:ignore test fixture, never deployed</c>), or for one rule or rule prefix and a reason
/// (<c>// amas:ignore secret/jwt sample token of the docs</c>; the first word is a rule when it is <c>*</c> or starts
/// like one of our rule ids: <c>secret/</c>, <c>code/</c>, …). A marker naming another rule leaves the finding alone. The scanners that honour it report the finding
/// suppressed, with the reason, instead of dropping it.
/// </summary>
public static class InlineSuppression
{
    public const string Marker = "amas:ignore";

    public const int MaxReasonLength = 200;

    public const string NoReason = "marked amas:ignore without a reason";

    private static readonly string[] CommentClosers = ["*/", "-->", "%>", "#}"];

    /// <summary>The suppression the marker on <paramref name="lineText"/> gives a finding of <paramref name="rule"/>, or null.</summary>
    /// <param name="path">The source file, relative to the repository root.</param>
    /// <param name="line">The line's number, 1-based.</param>
    public static FindingSuppression? For(ReadOnlySpan<char> lineText, string rule, string path, int line)
    {
        var at = lineText.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = lineText[(at + Marker.Length)..];
        // "amas:ignored" or "amas:ignore_me" is a word of its own, not the marker.
        if (rest.Length > 0 && (char.IsLetterOrDigit(rest[0]) || rest[0] == '_'))
        {
            return null;
        }

        var text = StripCloser(rest.ToString().Trim());
        var words = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var reason = text;
        if (words.Length > 0 && RulePattern.LooksLikeRule(words[0]))
        {
            if (!new RulePattern(words[0]).Matches(rule))
            {
                return null;
            }

            reason = words.Length > 1 ? words[1] : "";
        }

        return new FindingSuppression { Kind = SuppressionKind.InSource, Reason = Reason(reason), File = path, Line = line };
    }

    private static string StripCloser(string text)
    {
        foreach (var closer in CommentClosers)
        {
            if (text.EndsWith(closer, StringComparison.Ordinal))
            {
                return text[..^closer.Length].TrimEnd();
            }
        }

        return text;
    }

    private static string Reason(string text)
    {
        var reason = text.TrimStart(':', '-', '–', '—', ' ', '\t').Trim();
        if (reason.Length == 0)
        {
            return NoReason;
        }

        return reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength), "…");
    }
}
