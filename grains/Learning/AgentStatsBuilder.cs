namespace Amas.Orleans.Learning;

/// <summary>Turns the LearningSystem's tallies into an agent's stats: totals, and the same per repository kind.</summary>
public static class AgentStatsBuilder
{
    public static IReadOnlyDictionary<string, AgentStats> ByAgent(IEnumerable<AgentTally> tallies)
        => tallies.GroupBy(t => t.Agent, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var total = g.Aggregate(new AgentTally { Agent = g.Key, RepositoryKind = "*" }, Tallies.Add);
                return Of(total) with
                {
                    ByRepositoryKind = g.OrderBy(t => t.RepositoryKind, StringComparer.Ordinal)
                        .ToDictionary(t => t.RepositoryKind, Of, StringComparer.Ordinal),
                };
            },
            StringComparer.Ordinal);

    private static AgentStats Of(AgentTally tally) => new()
    {
        Runs = tally.Runs,
        Succeeded = tally.Succeeded,
        Failed = tally.Failed,
        AverageDurationMs = tally.Runs == 0 ? null : Math.Round(tally.DurationMsTotal / tally.Runs, 1),
        Findings = tally.Findings,
        RunsWithFindings = tally.RunsWithFindings,
        FixesAccepted = tally.FixesAccepted,
        FixesRejected = tally.FixesRejected,
    };
}
