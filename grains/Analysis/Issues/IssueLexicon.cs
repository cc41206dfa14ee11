namespace Amas.Orleans.Analysis.Issues;

public sealed record CategoryCue(string Phrase, IssueCategory Category, int Weight);

public sealed record SeverityCue(string Phrase, IssueSeverity Floor);

/// <summary>
/// The phrases of one language that point at a category or raise the severity. Latin-script phrases match at the
/// start of a word, so a stem ("crash", "vulnerab") covers its inflections; Han and Kana phrases match anywhere.
/// <see cref="Neutral"/> phrases are blanked out first: "dependency injection" is architecture, not an attack.
/// </summary>
public sealed record IssueLexicon(
    IssueLanguage Language,
    IReadOnlyList<CategoryCue> Categories,
    IReadOnlyList<SeverityCue> Severities,
    IReadOnlyList<string> Neutral);
