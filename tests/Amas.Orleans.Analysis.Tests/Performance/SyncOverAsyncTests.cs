using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Performance;

public sealed class SyncOverAsyncTests
{
    private static IReadOnlyList<int> Lines(string body) =>
        Analysed.Lines("Service.cs", Analysed.InMethod(body), PerformanceRuleIds.SyncOverAsync);

    [Theory]
    [InlineData("var page = db.LoadAsync(1).Result;")]
    [InlineData("db.SaveAsync().Wait();")]
    [InlineData("var page = db.LoadAsync(1).GetAwaiter().GetResult();")]
    [InlineData("var page = Task.Run(() => 1).Result;")]
    [InlineData("var loadTask = db.LoadAsync(1); var page = loadTask.Result;")]
    [InlineData("Task<int> work = db.LoadAsync(1); work.Wait();")]
    [InlineData("Task.WaitAll(db.SaveAsync(), db.SaveAsync());")]
    public void Blocking_on_a_task_is_sync_over_async(string body) =>
        Assert.Equal([8], Lines(body));

    [Theory]
    [InlineData("var page = await db.LoadAsync(1);")]
    [InlineData("await db.SaveAsync();")]
    [InlineData("var outcome = db.Validate(); var ok = outcome.Result;")]
    [InlineData("var gate = new SemaphoreSlim(1); gate.Wait();")]
    [InlineData("var done = Task.FromResult(1).Result;")]
    [InlineData("var loadTask = db.LoadAsync(1); await Task.WhenAll(loadTask); var page = loadTask.Result;")]
    public void Awaiting_or_a_result_that_is_not_a_pending_task_is_not_flagged(string body) =>
        Assert.Empty(Lines(body));

    [Fact]
    public void The_finding_names_the_construct_and_is_high_with_evidence_position_and_fix()
    {
        var finding = Assert.Single(Analysed.Findings("src/Service.cs", Analysed.InMethod("        var page = db.LoadAsync(1).Result;")));

        Assert.Equal((PerformanceRuleIds.SyncOverAsync, Severity.High, "performance"), (finding.Rule, finding.Severity, finding.Category));
        Assert.Equal("PerformanceAnalyzer", finding.Agent);
        Assert.Equal(["PerformanceAnalyzer"], finding.Sources);
        Assert.Equal(("src/Service.cs", 8, 20), (finding.File, finding.Line, finding.Column));
        Assert.Equal("var page = db.LoadAsync(1).Result;", finding.Evidence);
        Assert.Contains("'db.LoadAsync(1).Result'", finding.Message);
        Assert.Contains("await", finding.Fix);
    }

    [Fact]
    public void The_id_stays_the_same_when_the_code_moves_down()
    {
        var body = "        var page = db.LoadAsync(1).Result;";
        var before = Assert.Single(Analysed.Findings("Service.cs", Analysed.InMethod(body)));
        var after = Assert.Single(Analysed.Findings("Service.cs", Analysed.InMethod("\n\n        var x = 1;\n" + body)));

        Assert.Equal(before.Id, after.Id);
        Assert.NotEqual(before.Line, after.Line);
    }
}
