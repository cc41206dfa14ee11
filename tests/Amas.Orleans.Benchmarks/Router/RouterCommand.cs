namespace Amas.Orleans.Benchmarks.Router;

/// <summary>
/// <c>router [--smoke] --root REPO [--out FILE]</c>: only the router benchmark; replaces its section of the report
/// (docs/benchmarks.md by default, .amas/bench/benchmarks-smoke.md in smoke mode) and leaves the other sections as they are.
/// </summary>
public static class RouterCommand
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var figures = await RouterBenchmark.RunAsync(options.Smoke, options.Root);
        var command = "tests/Amas.Orleans.Benchmarks/run.sh --router-only" + (options.Smoke ? " --smoke" : "");
        var section = RouterSection.Markdown(figures, command);
        var existing = File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output) : "# Benchmarks\n\n";
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await File.WriteAllTextAsync(options.Output, RouterSection.Splice(existing, section));
        Console.WriteLine($"Wrote the router section of {options.Output}");
        Console.WriteLine($"router overhead p50 {figures.OverheadP50:F3} ms (target < 1 ms: {(figures.OverheadTargetMet ? "met" : "missed")}); open-circuit failover p50 {figures.FailoverCircuitOpen.P50:F3} ms vs healthy {figures.Router.P50:F3} ms ({(figures.OpenCircuitTargetMet ? "met" : "missed")})");
        return 0;
    }
}
