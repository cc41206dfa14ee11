namespace Amas.Orleans.Agents.Journal;

/// <summary>
/// Where agent runs are written down as they end, before their report is stored: if a silo dies between the two,
/// the journal shows the run that was lost, so "did any agent run to completion twice" has an honest answer.
/// </summary>
public interface IAgentRunJournal
{
    Task RecordAsync(AgentRunRecord run, CancellationToken cancellationToken);

    /// <summary>The runs of one task, oldest first.</summary>
    Task<IReadOnlyList<AgentRunRecord>> RunsOfAsync(Guid taskId, CancellationToken cancellationToken);

    /// <summary>Forgets the runs of tasks removed by retention.</summary>
    Task PurgeAsync(Guid taskId, CancellationToken cancellationToken);
}
