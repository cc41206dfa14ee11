namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// What <see cref="LanguageDetector"/> concluded. <see cref="Confidence"/> is 0 … 1; <see cref="Reason"/> says how the
/// decision was made ("script: kana", "n-grams", "too short", "ambiguous") so a response can explain itself.
/// <see cref="Scores"/> holds the tempered posterior of every candidate the n-gram model weighed.
/// </summary>
public sealed record LanguageGuess(
    IssueLanguage Language,
    double Confidence,
    string Reason,
    IReadOnlyDictionary<IssueLanguage, double> Scores)
{
    public bool IsKnown => Language != IssueLanguage.Unknown;
}
