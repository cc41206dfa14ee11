namespace Amas.Orleans.Providers.Tests.Cluster;

[Collection(SystemClockCollection.Name)]
public sealed class PromptSafetyTests(SystemClockCluster cluster)
{
    [Fact]
    public async Task A_secret_planted_in_a_prompt_never_reaches_the_provider()
    {
        var token = PlantedSecret.GitHubToken();

        var response = await cluster.Router.GenerateAsync(new GenerateRequest
        {
            Prompt = $"Review this config: GITHUB_TOKEN={token}",
            SystemPrompt = $"Context token {token}",
            Providers = ["sf-1"],
        });

        Assert.True(response.Success, response.Error);
        var sent = Assert.Single(cluster.Server.Script("sf-1").Received).Body.ToJsonString();
        Assert.DoesNotContain(token, sent);
        Assert.Contains("Review this config: GITHUB_TOKEN=[redacted secret/github-token]", sent);
    }
}
