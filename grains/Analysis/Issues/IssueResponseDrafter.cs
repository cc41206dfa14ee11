using System.Globalization;
using System.Text;

namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// Writes a rule-based reply to an issue from its <see cref="IssueCategorisation"/>, without an AI provider.
/// <para>
/// The reply is assembled only from <see cref="ResponsePhraseBook"/> sentences, lexicon cues and the given findings:
/// nothing of the issue's title or body is copied into it, so text in an issue can never steer what the reply says.
/// </para>
/// <para>
/// Language: the requested one, else the detected one, else English. Mode: <c>user_friendly</c> and
/// <c>intelligent</c> open warmly, <c>technical_focused</c> briefly and lists rule ids with locations;
/// <c>conservative</c> promises no change before a maintainer confirms; <c>aggressive</c> and <c>automated_fix</c>
/// announce an automated patch (<c>automated_fix</c> without the warm opening); <c>user_friendly</c> closes with a
/// promise to keep the reporter updated. Depth:
/// <c>basic</c> classifies and says what happens next; <c>detailed</c> asks for what is missing; <c>comprehensive</c>
/// lists more findings; <c>expert</c> also shows the cues that led to the classification.
/// </para>
/// </summary>
public static class IssueResponseDrafter
{
    public static IssueResponse Draft(IssueCategorisation analysis, ResponseRequest request)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(request);
        var (language, reason) = request.Language is { } requested && requested != IssueLanguage.Unknown
            ? (requested, "requested")
            : analysis.Language.IsKnown ? (analysis.Language.Language, "detected") : (IssueLanguage.English, "fallback: language not detected");
        var phrases = ResponsePhraseBook.For(language);
        var mode = request.Mode;
        var depth = request.Depth;
        var technical = mode == ResponseMode.TechnicalFocused;

        var paragraphs = new List<string>
        {
            technical || mode == ResponseMode.AutomatedFix ? phrases.ThanksBrief : phrases.ThanksWarm,
            string.Format(CultureInfo.InvariantCulture, phrases.Classification, phrases.CategoryNames[analysis.Category], phrases.SeverityNames[analysis.Severity])
                + " " + phrases.NextSteps[analysis.Category],
        };

        if (depth >= ResponseDepth.Detailed)
        {
            paragraphs.Add(phrases.AskForDetails[analysis.Category]);
        }

        switch (mode)
        {
            case ResponseMode.Conservative:
                paragraphs.Add(phrases.Conservative);
                break;
            case ResponseMode.Aggressive or ResponseMode.AutomatedFix:
                paragraphs.Add(phrases.AutomatedFix);
                break;
        }

        var findings = request.Findings ?? [];
        var shown = findings.Take(FindingLimit(depth)).ToList();
        if (shown.Count > 0)
        {
            var list = new StringBuilder(phrases.FindingsHeader);
            foreach (var finding in shown)
            {
                list.Append('\n').Append("- ").Append(Describe(finding, technical || depth == ResponseDepth.Expert));
            }

            if (findings.Count > shown.Count)
            {
                list.Append('\n').Append("- … (+").Append(findings.Count - shown.Count).Append(')');
            }

            paragraphs.Add(list.ToString());
        }

        if (depth == ResponseDepth.Expert || (technical && depth >= ResponseDepth.Comprehensive))
        {
            var cues = analysis.Cues.Select(c => c.Cue).Distinct(StringComparer.Ordinal).Select(c => "\"" + c + "\"").ToList();
            if (cues.Count > 0)
            {
                paragraphs.Add(string.Format(CultureInfo.InvariantCulture, phrases.Explanation, string.Join(phrases.Separator, cues)));
            }
        }

        if (mode == ResponseMode.UserFriendly)
        {
            paragraphs.Add(phrases.ClosingWarm);
        }

        return new IssueResponse(language, reason, mode, depth, string.Join("\n\n", paragraphs));
    }

    private static int FindingLimit(ResponseDepth depth) => depth switch
    {
        ResponseDepth.Basic => 3,
        ResponseDepth.Detailed => 5,
        ResponseDepth.Comprehensive => 10,
        _ => int.MaxValue,
    };

    // Rule ids and line numbers mean something to a developer; a reporter gets the message and the file.
    private static string Describe(RelatedFinding finding, bool withRule)
    {
        var location = finding.File is null ? string.Empty
            : finding.Line is { } line && withRule ? $" ({finding.File}:{line})" : $" ({finding.File})";
        return withRule ? $"[{finding.Rule}] {finding.Message}{location}" : finding.Message + location;
    }
}
