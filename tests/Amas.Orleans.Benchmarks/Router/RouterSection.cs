using System.Globalization;
using System.Text;

namespace Amas.Orleans.Benchmarks.Router;

/// <summary>The router's section of docs/benchmarks.md, and how it replaces an older one in place.</summary>
public static class RouterSection
{
    public const string Heading = "## Router overhead and failover (issue 5)";

    /// <summary>The section the router part goes before when a file has none yet.</summary>
    public const string InsertBefore = "## The tree";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(RouterFigures figures, string command)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(Invariant));

        md.AppendLine(Heading);
        md.AppendLine();
        Line($"One silo in the benchmark process with the providers registered as in production (`AddAmasProviders`), every provider a `custom` deployment on the loopback fake server (`tests/Amas.Orleans.Testing/Providers/FakeProviderServer.cs`, Kestrel on 127.0.0.1). Calls go one at a time from the silo's own grain factory, as an agent's do, the scenarios interleaved (call i of each, then call i+1 of each) so that the load of this shared machine falls on all alike; after the warm-up calls, {figures.Calls:N0} measured calls per scenario ({figures.FailoverCalls:N0} for the circuit-closed failover, which waits out a timeout each time and is measured after the others). The anchor is the same chat-completions request sent straight to the fake with `HttpClient`. Response cache off (the default); no budget unless the row says so.");
        md.AppendLine();
        md.AppendLine("| scenario | p50 ms | p99 ms | mean ms | calls |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        Row(md, "direct HTTP to the fake (anchor)", figures.Direct);
        Row(md, "provider grain `CompleteAsync` (no router)", figures.ProviderGrain);
        Row(md, "router `GenerateAsync`, one healthy provider", figures.Router);
        Row(md, "router with a task budget (2 budget grain calls a request)", figures.RouterWithBudget);
        Row(md, $"first provider times out ({figures.SlowProviderTimeout.TotalMilliseconds:0} ms), circuit closed, second answers", figures.FailoverCircuitClosed);
        Row(md, "first provider's circuit open, second answers", figures.FailoverCircuitOpen);
        md.AppendLine();
        Line($"**Router overhead:** p50 **{figures.OverheadP50:F3} ms**, p99 {figures.OverheadP99:F3} ms over the direct call (router p50 minus direct p50). Target < 1 ms p50 — **{(figures.OverheadTargetMet ? "met" : "missed")}**.");
        md.AppendLine();
        Line($"**Failover with the circuit open:** p50 {figures.FailoverCircuitOpen.P50:F3} ms against {figures.Router.P50:F3} ms for one healthy call through the router ({figures.FailoverCircuitOpen.P50 / figures.Router.P50:F2}×): the open provider is skipped from the router's health cache without a call. Target: no more than one healthy call (10% noise allowed) — **{(figures.OpenCircuitTargetMet ? "met" : "missed")}**. With the circuit closed the answer costs the provider's own timeout plus one healthy call: p50 {figures.FailoverCircuitClosed.P50:F1} ms = {figures.SlowProviderTimeout.TotalMilliseconds:0} ms timeout + {figures.FailoverCircuitClosed.P50 - figures.SlowProviderTimeout.TotalMilliseconds:F1} ms.");
        md.AppendLine();
        Line($"Measured {figures.At:yyyy-MM-dd HH:mm} UTC at commit `{figures.Commit}`, {Environment.ProcessorCount} cores, load average before: {figures.LoadAverage}{(figures.Smoke ? "; smoke mode (few calls: the figures are indicative only)" : "")}. Command: `{command}`.");
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>Replaces the router section of <paramref name="document"/>, or inserts it before <see cref="InsertBefore"/> (or at the end).</summary>
    public static string Splice(string document, string section)
    {
        var start = document.IndexOf(Heading, StringComparison.Ordinal);
        if (start >= 0)
        {
            var next = document.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            return document[..start] + section + (next < 0 ? "" : document[(next + 1)..]);
        }

        var before = document.IndexOf(InsertBefore, StringComparison.Ordinal);
        return before < 0
            ? document.TrimEnd() + "\n\n" + section
            : document[..before] + section + document[before..];
    }

    private static void Row(StringBuilder md, string scenario, Latencies latencies)
        => md.AppendLine(Invariant, $"| {scenario} | {latencies.P50:F3} | {latencies.P99:F3} | {latencies.Mean:F3} | {latencies.Count:N0} |");
}
