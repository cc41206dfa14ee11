namespace Amas.Orleans.Learning;

/// <summary>Adding tallies up, the one operation the per-silo ledgers and the LearningSystem grain share.</summary>
public static class Tallies
{
    public static AgentTally Add(AgentTally a, AgentTally b) => a with
    {
        Runs = a.Runs + b.Runs,
        Succeeded = a.Succeeded + b.Succeeded,
        Failed = a.Failed + b.Failed,
        DurationMsTotal = a.DurationMsTotal + b.DurationMsTotal,
        Findings = a.Findings + b.Findings,
        RunsWithFindings = a.RunsWithFindings + b.RunsWithFindings,
        FixesAccepted = a.FixesAccepted + b.FixesAccepted,
        FixesRejected = a.FixesRejected + b.FixesRejected,
    };

    public static ProviderTally Add(ProviderTally a, ProviderTally b) => a with
    {
        Calls = a.Calls + b.Calls,
        Successes = a.Successes + b.Successes,
        Failures = a.Failures + b.Failures,
        LatencyMsTotal = a.LatencyMsTotal + b.LatencyMsTotal,
        Tokens = a.Tokens + b.Tokens,
    };

    /// <summary>A key that cannot collide: agent and provider names and kinds never hold a control character.</summary>
    public static string Key(string name, string kind) => name + "\u001f" + kind;

    public static void AddTo(Dictionary<string, AgentTally> into, AgentTally tally)
    {
        var key = Key(tally.Agent, tally.RepositoryKind);
        into[key] = into.TryGetValue(key, out var known) ? Add(known, tally) : tally;
    }

    public static void AddTo(Dictionary<string, ProviderTally> into, ProviderTally tally)
    {
        var key = Key(tally.Provider, tally.PromptKind);
        into[key] = into.TryGetValue(key, out var known) ? Add(known, tally) : tally;
    }
}
