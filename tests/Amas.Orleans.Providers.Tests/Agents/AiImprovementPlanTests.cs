using Amas.Orleans.Agents;
using Amas.Orleans.Providers.Safety;
using Amas.Orleans.Reports;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Providers;

namespace Amas.Orleans.Providers.Tests.Agents;

[Collection(AiAdvisorCollection.Name)]
public sealed class AiImprovementPlanTests(AiAdvisorCluster cluster)
{
    private const string Rationale = "Rotate the leaked key today: anyone with the repository can use it.";

    [Fact]
    public async Task With_a_provider_the_top_items_get_an_AI_rationale_the_rest_rules_and_the_plan_names_the_provider()
    {
        var script = cluster.Server.Script(AgentCluster.ProviderId).Always(FakeReply.Answer(Rationale));

        var (_, result) = await AgentTasks.OrchestrateAsync(cluster.Client, SampleRepository.Create(cluster.Root));

        var plan = result.ImprovementPlan!;
        Assert.Equal(TextPath.Ai, plan.WrittenBy.Path);
        Assert.Equal(AgentCluster.ProviderId, plan.WrittenBy.Provider);
        Assert.Equal($"{AgentCluster.ProviderId}-model", plan.WrittenBy.Model);
        var items = plan.Areas.SelectMany(a => a.Items).OrderBy(i => i.Rank).ToArray();
        Assert.Equal([TextPath.Ai, TextPath.Ai, TextPath.RuleBased, TextPath.RuleBased], items.Select(i => i.RationaleBy));
        Assert.Equal(Rationale, items[0].Rationale);
        Assert.Equal(Rationale, items[1].Rationale);
        Assert.StartsWith("medium code quality issue, 1 finding in src/Billing/InvoiceCalculator.cs", items[2].Rationale);
        Assert.Equal(2, result.Metrics["ImprovementAdvisor.ai_rationales"]);

        // Two rationales and the executive summary; the item went as fenced data, its secret redacted.
        Assert.Equal(3, script.Received.Count);
        var asked = script.Received.Select(r => r.Body["messages"]!.AsArray()[1]!["content"]!.GetValue<string>()).Where(c => c.Contains("improvement", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, asked.Length);
        Assert.All(asked, user =>
        {
            Assert.StartsWith("In at most three sentences", user);
            Assert.Contains(UntrustedDataFence.OpenMarker, user);
            Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, user);
        });

        var markdown = MarkdownReport.Write(result, result.Findings.Items);
        Assert.Contains("## Improvement plan", markdown);
        Assert.Contains($"Rationales written by an AI provider ({AgentCluster.ProviderId}, `{AgentCluster.ProviderId}-model`).", markdown);
        Assert.Contains("AI: " + Rationale, markdown);
        Assert.Contains("## Performance recommendations", markdown);
    }
}
