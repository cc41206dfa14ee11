using Amas.Orleans.Analysis.Performance;

namespace Amas.Orleans.Analysis.Tests.Performance;

/// <summary>The C# rules about work a loop repeats: LINQ counting, string building and I/O.</summary>
public sealed class LoopRuleTests
{
    private static IReadOnlyList<int> Lines(string body, string rule) =>
        Analysed.Lines("Service.cs", Analysed.InMethod(body), rule);

    [Theory]
    [InlineData("for (var i = 0; i < pending.Count(); i++) { }")]
    [InlineData("foreach (var o in orders) { if (pending.Any(p => p.Id == o.Id)) { } }")]
    [InlineData("while (pending.Where(p => p.Open).Any()) { }")]
    public void Linq_count_or_any_over_the_same_source_in_a_loop_is_flagged(string body) =>
        Assert.Equal([8], Lines(body, PerformanceRuleIds.LinqCountInLoop));

    [Theory]
    [InlineData("var total = pending.Count(); for (var i = 0; i < total; i++) { }")]
    [InlineData("foreach (var o in orders) { if (o.Lines.Any()) { } }")]
    [InlineData("for (var i = 0; i < orders.Count(); i++) { }")]
    [InlineData("var list = new List<Order>(); while (list.Any()) { list.RemoveAt(0); }")]
    [InlineData("foreach (var o in pending.Where(p => p.Open)) { }")]
    [InlineData("for (var i = 0; i < orders.Length; i++) { }")]
    public void Counting_once_per_item_or_over_a_collection_is_not_flagged(string body) =>
        Assert.Empty(Lines(body, PerformanceRuleIds.LinqCountInLoop));

    [Theory]
    [InlineData("string csv = \"\"; foreach (var o in orders) { csv += o.Id + \",\"; }")]
    [InlineData("var csv = \"\"; for (var i = 0; i < 3; i++) csv += i;")]
    [InlineData("var csv = string.Empty; while (true) { csv = csv + \"x\"; }")]
    public void String_concatenation_in_a_loop_is_flagged(string body) =>
        Assert.Equal([8], Lines(body, PerformanceRuleIds.StringConcatInLoop));

    [Theory]
    [InlineData("var csv = new StringBuilder(); foreach (var o in orders) { csv.Append(o.Id).Append(','); }")]
    [InlineData("var total = 0; foreach (var o in orders) { total += o.Id; }")]
    [InlineData("string csv = \"\"; csv += \"header\";")]
    [InlineData("foreach (var o in orders) { var line = \"\"; line += o.Id; }")]
    public void A_string_builder_a_number_or_a_single_append_is_not_flagged(string body) =>
        Assert.Empty(Lines(body, PerformanceRuleIds.StringConcatInLoop));

    [Theory]
    [InlineData("foreach (var o in orders) { await db.Orders.FindAsync(o.Id); }")]
    [InlineData("foreach (var o in orders) { var r = await httpClient.GetAsync(o.Url).ConfigureAwait(false); }")]
    [InlineData("for (var i = 0; i < 3; i++) { await connection.ExecuteAsync(\"update\"); }")]
    [InlineData("foreach (var o in orders) { using var reader = command.ExecuteReader(); }")]
    [InlineData("foreach (var o in orders) { await _repository.SaveChangesAsync(); }")]
    public void A_database_or_network_call_per_iteration_is_flagged(string body) =>
        Assert.Equal([8], Lines(body, PerformanceRuleIds.IoInLoop));

    [Theory]
    [InlineData("var all = await db.Orders.ToListAsync(); foreach (var o in all) { }")]
    [InlineData("foreach (var o in orders) { await Task.Delay(10); }")]
    [InlineData("var tasks = orders.Select(async o => await db.Orders.FindAsync(o.Id)); await Task.WhenAll(tasks);")]
    [InlineData("foreach (var o in orders) { tasks.Add(Task.Run(async () => await db.SaveAsync())); }")]
    [InlineData("await foreach (var o in db.StreamAsync()) { Handle(o); }")]
    public void Batched_unrelated_or_concurrent_calls_are_not_flagged(string body) =>
        Assert.Empty(Lines(body, PerformanceRuleIds.IoInLoop));
}
