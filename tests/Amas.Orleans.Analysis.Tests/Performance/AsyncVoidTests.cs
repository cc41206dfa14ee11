using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Performance;

public sealed class AsyncVoidTests
{
    private static IReadOnlyList<int> Lines(string members) =>
        Analysed.Lines("Form.cs", $"public sealed class Form\n{{\n{members}\n}}\n", PerformanceRuleIds.AsyncVoid);

    [Theory]
    [InlineData("    public async void Refresh() { await Task.Delay(1); }")]
    [InlineData("    private async void OnTick(object sender, int tick) { await Task.Delay(1); }")]
    [InlineData("    public void Start() { async void Local() { await Task.Delay(1); } Local(); }")]
    public void An_async_void_method_is_flagged(string members) =>
        Assert.Equal([3], Lines(members));

    [Theory]
    [InlineData("    private async void OnClick(object sender, EventArgs e) { await Task.Delay(1); }")]
    [InlineData("    private async void OnSaved(object? sender, SavedEventArgs e) { await Task.Delay(1); }")]
    [InlineData("    public async Task Refresh() { await Task.Delay(1); }")]
    [InlineData("    protected override async void OnAppearing() { await Task.Delay(1); }")]
    [InlineData("    public void Refresh() { }")]
    public void Event_handlers_overrides_and_task_returning_methods_are_not_flagged(string members) =>
        Assert.Empty(Lines(members));

    [Fact]
    public void Async_void_is_medium_and_points_at_the_method_name()
    {
        var finding = Assert.Single(Analysed.Findings("Form.cs", "class Form\n{\n    async void Refresh() { }\n}\n"));

        Assert.Equal((Severity.Medium, 3, 16), (finding.Severity, finding.Line, finding.Column));
        Assert.Contains("'async void Refresh'", finding.Message);
    }
}
