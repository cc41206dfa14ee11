namespace Amas.Orleans.Tasks;

/// <summary>The kinds of work a caller can submit (design §2).</summary>
[GenerateSerializer, Alias("amas.TaskKind")]
public enum TaskKind
{
    Orchestrate = 0,
    SelfImprove = 1,
    IssueRespond = 2,
    Osint = 3,
    Forensics = 4,
}
