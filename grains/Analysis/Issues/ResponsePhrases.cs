namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// Every sentence the drafter can write, in one language. Placeholders: {0} category, {1} severity in
/// <see cref="Classification"/>; {0} the list in <see cref="Explanation"/>.
/// </summary>
public sealed record ResponsePhrases(
    IssueLanguage Language,
    string ThanksWarm,
    string ThanksBrief,
    string Classification,
    IReadOnlyDictionary<IssueCategory, string> CategoryNames,
    IReadOnlyDictionary<IssueSeverity, string> SeverityNames,
    IReadOnlyDictionary<IssueCategory, string> NextSteps,
    IReadOnlyDictionary<IssueCategory, string> AskForDetails,
    string Conservative,
    string AutomatedFix,
    string FindingsHeader,
    string Explanation,
    string ClosingWarm,
    string Separator);
