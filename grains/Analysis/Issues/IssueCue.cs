namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// One piece of evidence the categoriser used: where it was found (label, title or body), the lexicon phrase or label
/// that matched (never a copy of the surrounding issue text), and what it did — added <see cref="Weight"/> to
/// <see cref="Category"/> and/or raised the severity to at least <see cref="SeverityFloor"/>.
/// </summary>
public sealed record IssueCue(
    string Source,
    string Cue,
    IssueLanguage Language,
    IssueCategory? Category,
    int Weight,
    IssueSeverity? SeverityFloor);

/// <summary>The categoriser's answer with everything that led to it.</summary>
public sealed record IssueCategorisation(
    IssueCategory Category,
    IssueSeverity Severity,
    LanguageGuess Language,
    IReadOnlyList<IssueCue> Cues,
    IReadOnlyDictionary<IssueCategory, int> Scores,
    string SeverityReason);
