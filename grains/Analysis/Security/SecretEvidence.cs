using System.Text;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Builds a finding's evidence: its line with every secret on it masked, not just the finding's own, since one line
/// may hold several keys.
/// </summary>
internal static class SecretEvidence
{
    /// <summary>Lines longer than this (minified bundles, embedded data) are cut down to a window around the match.</summary>
    public const int MaxLineLength = 10_000;

    private const int Context = 80;

    public static string Build(string text, (int Start, int End) line, SecretSpan focus, IReadOnlyList<SecretSpan> secrets)
    {
        var (start, end) = line;
        if (end - start > MaxLineLength)
        {
            start = Math.Max(start, focus.MatchStart - Context);
            end = Math.Min(end, Math.Max(focus.MatchEnd, focus.SecretEnd) + Context);
            // Widen the window over any secret it cuts, so a cut cannot leave part of a secret unmasked.
            foreach (var s in secrets)
            {
                if (s.SecretStart < start && s.SecretEnd > start)
                {
                    start = Math.Max(line.Start, s.SecretStart);
                }

                if (s.SecretStart < end && s.SecretEnd > end)
                {
                    end = Math.Min(line.End, s.SecretEnd);
                }
            }
        }

        var evidence = new StringBuilder();
        if (start > line.Start)
        {
            evidence.Append('…');
        }

        var position = start;
        foreach (var s in secrets.Where(s => s.SecretStart < end && s.SecretEnd > start).OrderBy(s => s.SecretStart))
        {
            if (s.SecretStart > position)
            {
                evidence.Append(text, position, s.SecretStart - position);
            }

            if (s.SecretEnd > position)
            {
                evidence.Append(SecretRedactor.Redact(s.Secret));
                position = Math.Min(s.SecretEnd, end);
            }
        }

        if (end > position)
        {
            evidence.Append(text, position, end - position);
        }

        if (end < line.End)
        {
            evidence.Append('…');
        }

        return evidence.ToString().Trim();
    }
}
