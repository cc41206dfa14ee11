using System.Text.Json;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Reports;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>Suppressed findings over HTTP: in the JSON result with their suppression, counted apart, in SARIF and Markdown.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class SuppressedFindingsTests(EmbeddedGateway gateway)
{
    [Fact]
    public async Task A_suppressed_finding_is_in_every_format_with_its_reason_and_only_in_the_suppressed_count()
    {
        var repository = SampleRepository.Create(gateway.Root);
        File.WriteAllText(Path.Combine(repository, ".amas-suppressions"), "secret/github-token config/** rotated; the sample keeps the dead token\n");

        var response = await gateway.Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components: "security"));
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        var status = await gateway.Http.WaitUntilEndedAsync(id);
        Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString());

        var result = await (await gateway.Http.GetAsync($"/api/v1/tasks/{id}/result")).ReadJsonAsync();
        var findings = result.GetProperty("findings").GetProperty("items").EnumerateArray().ToArray();
        var token = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "secret/github-token");
        var suppression = token.GetProperty("suppression");
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("rotated; the sample keeps the dead token", suppression.GetProperty("reason").GetString());
        Assert.Equal(".amas-suppressions", suppression.GetProperty("file").GetString());
        Assert.Equal(1, suppression.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, findings.Single(f => f.GetProperty("rule").GetString() == "secret/aws-access-key-id").GetProperty("suppression").ValueKind);
        var summary = result.GetProperty("summary");
        Assert.Equal(findings.Length - 1, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal(findings.Length - 1, status.GetProperty("finding_count").GetInt32());

        var sarif = await gateway.Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=sarif");
        await SarifSchema.AssertValid(sarif);
        var suppressed = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.TryGetProperty("suppressions", out _));
        Assert.Equal("secret/github-token", suppressed.GetProperty("ruleId").GetString());
        Assert.Equal("external", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());

        var markdown = await gateway.Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=markdown");
        Assert.Contains("## Suppressed findings (1)", markdown, StringComparison.Ordinal);
        Assert.Contains("rotated; the sample keeps the dead token", markdown, StringComparison.Ordinal);
    }
}
