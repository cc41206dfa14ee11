using System.Text.Json;
using System.Text.Json.Nodes;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Osint;

namespace Amas.Orleans.Gateway.Tests.Workflows;

/// <summary>
/// docs/workflows.md is executable: each row of its table is submitted over HTTP to a gateway with the production
/// agents, and exactly the agents the row lists must have run in each layer.
/// </summary>
[Collection(ProductionAgentsGatewayCollection.Name)]
public sealed class WorkflowTableTests(ProductionAgentsGateway gateway)
{
    public static TheoryData<int> Rows => [.. WorkflowRow.ReadAll().Select(r => r.Number)];

    [Fact]
    public void The_table_has_rows_for_every_kind_and_unique_numbers()
    {
        var rows = WorkflowRow.ReadAll();

        Assert.Equal(rows.Count, rows.Select(r => r.Number).Distinct().Count());
        Assert.Equal(
            Amas.Orleans.Tasks.TaskOptionCatalog.KindNames.Values.Order(StringComparer.Ordinal),
            rows.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Exactly_the_agents_of_the_row_run(int number)
    {
        var row = WorkflowRow.ReadAll().Single(r => r.Number == number);
        await using var site = FixtureSite.Serve(new LoopbackSite());
        var file = Path.Combine(gateway.Root, $"evidence-{number}.txt");
        await File.WriteAllTextAsync(file, "plain text evidence");

        var options = JsonNode.Parse(row.Options.Replace("{site}", site.Url("/").AbsoluteUri, StringComparison.Ordinal)
            .Replace("{file}", JsonEncodedText.Encode(file).ToString(), StringComparison.Ordinal))!;
        var submission = new JsonObject { ["kind"] = row.Kind, ["options"] = options };
        if (row.Target == "{repo}")
        {
            submission["target"] = new JsonObject { ["path"] = SampleRepository.Create(gateway.Root) };
        }

        var id = await (await gateway.Http.PostJsonAsync("/api/v1/tasks", submission.ToJsonString())).SubmittedIdAsync();
        var status = await gateway.Http.WaitUntilEndedAsync(id);

        Assert.True(status.GetProperty("lifecycle").GetString() == "succeeded", status.ToString());
        var ran = new IReadOnlyList<string>[4];
        foreach (var layer in status.GetProperty("layers").EnumerateArray())
        {
            ran[layer.GetProperty("layer").GetInt32() - 1] = [.. layer.GetProperty("agents").EnumerateArray()
                .Where(a => a.GetProperty("status").GetString() is "succeeded" or "failed")
                .Select(a => a.GetProperty("agent").GetString()!)
                .Order(StringComparer.Ordinal)];
        }

        Assert.True(
            row.Layers.Zip(ran).All(p => p.First.SequenceEqual(p.Second)),
            $"Row {number} of docs/workflows.md says: {WorkflowRow.Cells(row.Layers)}\nbut these ran:              {WorkflowRow.Cells(ran)}");
    }
}
