using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Reports;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Providers.Tests.Agents;

[Collection(RuleAgentCollection.Name)]
public sealed class RuleBasedExecutiveSummaryTests(RuleAgentCluster cluster)
{
    [Fact]
    public async Task Without_a_provider_the_reporter_writes_a_rule_based_summary_and_says_no_AI_provider_is_configured()
    {
        var (_, result) = await AgentTasks.OrchestrateAsync(cluster.Client, SampleRepository.Create(cluster.Root));

        var written = result.ExecutiveSummary!;
        Assert.Equal(TextPath.RuleBased, written.WrittenBy.Path);
        Assert.Equal(AgentCompletions.NoProviderConfigured, written.WrittenBy.Reason);
        Assert.Equal("no AI provider configured", written.WrittenBy.Reason);
        Assert.Null(written.WrittenBy.Provider);
        Assert.Null(written.WrittenBy.Model);
        Assert.Equal(
            "5 findings (2 high, 1 medium, 2 info) from 7 agent reports. "
            + "Most severe: secret/aws-access-key-id (high) in config/settings.py:2, and 1 more at that severity. "
            + "Most affected file: config/settings.py (2 findings). "
            + "Fix the 2 critical and high findings first, starting with leaked secrets (rotate them).",
            written.Text);
        Assert.Equal(0, result.Metrics["Reporter.ai_summary"]);
        Assert.Contains("_Rule-based summary: no AI provider configured._", MarkdownReport.Write(result, result.Findings.Items));
    }
}
