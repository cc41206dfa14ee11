namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// What kind of issue it is. The order is the tie-break: on equal scores the earlier one wins, because a security
/// report mislabelled as a bug costs more than a bug mislabelled as a question.
/// </summary>
public enum IssueCategory
{
    Security,
    Bug,
    Documentation,
    Feature,
    Question,
}

public enum IssueSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The issue as submitted with an <c>issue_respond</c> task: untrusted text, never followed as instructions.</summary>
public sealed record IssueText(string Title, string Body, IReadOnlyList<string> Labels)
{
    public IssueText(string title, string body)
        : this(title, body, [])
    {
    }
}
