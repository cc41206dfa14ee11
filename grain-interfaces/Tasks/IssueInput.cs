namespace Amas.Orleans.Tasks;

/// <summary>
/// The issue an <c>issue_respond</c> task answers, as the caller sent it: untrusted text, analysed and quoted as
/// data, never followed as instructions.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.IssueInput")]
public sealed record IssueInput
{
    [Id(0)] public string Title { get; init; } = "";
    [Id(1)] public string Body { get; init; } = "";
    [Id(2)] public IReadOnlyList<string> Labels { get; init; } = [];
}
