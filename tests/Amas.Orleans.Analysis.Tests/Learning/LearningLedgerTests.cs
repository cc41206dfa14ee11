using Amas.Orleans.Agents;
using Amas.Orleans.Learning;

namespace Amas.Orleans.Analysis.Tests.Learning;

public sealed class LearningLedgerTests
{
    [Fact]
    public void Runs_fixes_and_calls_add_up_per_agent_and_kind_until_taken()
    {
        var ledger = new LearningLedger();
        ledger.RecordAgentRun("DockerMonitor", "go", AgentRunStatus.Succeeded, TimeSpan.FromMilliseconds(100), 0);
        ledger.RecordAgentRun("DockerMonitor", "go", AgentRunStatus.Succeeded, TimeSpan.FromMilliseconds(300), 2);
        ledger.RecordAgentRun("DockerMonitor", "go", AgentRunStatus.TimedOut, TimeSpan.FromMilliseconds(50), 0);
        ledger.RecordAgentRun("DockerMonitor", "node", AgentRunStatus.Succeeded, TimeSpan.FromMilliseconds(10), 0);
        ledger.RecordFixOutcome("AutomatedFixer", "go", accepted: true);
        ledger.RecordFixOutcome("AutomatedFixer", "go", accepted: false);
        ledger.RecordProviderCall("groq", null, success: true, 120, 30);
        ledger.RecordProviderCall("groq", null, success: false, 80, 0);

        var taken = ledger.Take();

        var go = Assert.Single(taken.Agents, t => t is { Agent: "DockerMonitor", RepositoryKind: "go" });
        Assert.Equal((3, 2, 1, 450.0, 2, 1), (go.Runs, go.Succeeded, go.Failed, go.DurationMsTotal, go.Findings, go.RunsWithFindings));
        var fixer = Assert.Single(taken.Agents, t => t.Agent == "AutomatedFixer");
        Assert.Equal((0, 1, 1), (fixer.Runs, fixer.FixesAccepted, fixer.FixesRejected));
        var groq = Assert.Single(taken.Providers);
        Assert.Equal((LearningLedger.GeneralPrompt, 2, 1, 1, 200.0, 30), (groq.PromptKind, groq.Calls, groq.Successes, groq.Failures, groq.LatencyMsTotal, groq.Tokens));
        Assert.True(ledger.Take().IsEmpty);
    }

    [Fact]
    public void A_failed_flush_is_restored_and_carried_by_the_next_take()
    {
        var ledger = new LearningLedger();
        ledger.RecordAgentRun("SecurityScanner", "dotnet", AgentRunStatus.Succeeded, TimeSpan.FromMilliseconds(5), 1);
        var failed = ledger.Take();
        ledger.RecordAgentRun("SecurityScanner", "dotnet", AgentRunStatus.Succeeded, TimeSpan.FromMilliseconds(5), 0);

        ledger.Restore(failed);

        var tally = Assert.Single(ledger.Take().Agents);
        Assert.Equal((2, 1, 1), (tally.Runs, tally.Findings, tally.RunsWithFindings));
    }

    [Fact]
    public void Stats_show_totals_and_each_repository_kind()
    {
        var stats = AgentStatsBuilder.ByAgent([
            new AgentTally { Agent = "A", RepositoryKind = "go", Runs = 2, Succeeded = 2, DurationMsTotal = 300, Findings = 4, RunsWithFindings = 1 },
            new AgentTally { Agent = "A", RepositoryKind = "node", Runs = 1, Succeeded = 0, Failed = 1, DurationMsTotal = 30 },
        ])["A"];

        Assert.Equal((3, 2, 1, 110.0, 4), (stats.Runs, stats.Succeeded, stats.Failed, stats.AverageDurationMs!.Value, stats.Findings));
        Assert.Equal(["go", "node"], stats.ByRepositoryKind.Keys);
        Assert.Equal(150.0, stats.ByRepositoryKind["go"].AverageDurationMs);
    }

    [Fact]
    public void A_fix_outcome_from_an_agent_run_is_counted_for_the_proposer_on_the_run_s_repository_kind()
    {
        var root = Directory.CreateTempSubdirectory("amas-fix-").FullName;
        try
        {
            var checkout = AgentRuns.Checkout(root, ("package.json", "{}"));
            var ledger = new LearningLedger();

            ledger.RecordFixOutcome(AgentRuns.Context("QualityValidator", checkout), accepted: false, proposedBy: "AutomatedFixer");

            var tally = Assert.Single(ledger.Take().Agents);
            Assert.Equal(("AutomatedFixer", "node", 0, 1), (tally.Agent, tally.RepositoryKind, tally.FixesAccepted, tally.FixesRejected));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_git_repository_s_last_seen_kind_is_taken_once_and_a_restore_keeps_a_newer_sighting()
    {
        var ledger = new LearningLedger();
        ledger.RecordRepositoryKind("https://example.invalid/a.git", "node");
        ledger.RecordRepositoryKind("https://example.invalid/a.git", "dotnet");

        var taken = ledger.Take();
        Assert.Equal("dotnet", taken.RepositoryKinds["https://example.invalid/a.git"]);
        Assert.False(taken.IsEmpty);

        ledger.RecordRepositoryKind("https://example.invalid/a.git", "go");
        ledger.Restore(taken);
        Assert.Equal("go", ledger.Take().RepositoryKinds["https://example.invalid/a.git"]);
    }
}
