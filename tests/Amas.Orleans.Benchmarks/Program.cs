using Amas.Orleans.Benchmarks;
using Amas.Orleans.Benchmarks.Load;
using Amas.Orleans.Benchmarks.Router;

// Usage:
//   run [--smoke] --root REPO [--out FILE] [--secretlint DIR]   the whole benchmark; writes the Markdown report
//   router [--smoke] --root REPO [--out FILE]                   only the router part; replaces its section of the report
//   system [--smoke] --root REPO [--out FILE]                   the system rows of issue 11; replaces their section
//   overhead [--smoke] --root REPO                              only the orchestration overhead, printed with its profile
//   submit [--smoke] --root REPO                                only the in-memory submission rows, printed with profiles
//   trace-summary FILE [--callers METHOD]                       what a kept nettrace says (CPU, allocations), or the
//                                                               stacks above the samples of one method
//   scan DIR [--findings FILE] [--agent NAME]                   one measured scan (run starts it as a child process);
//                                                               NAME: SecurityScanner (default) or CodeQualityInspector
//   tree DIR MEGABYTES                                          only assemble the text tree
return args switch
{
    ["scan", var root, .. var rest] when ScanCommand.TryParse(rest, out var findings, out var agent) =>
        await ScanCommand.RunAsync(root, findings, agent),
    ["trace-summary", var file] => Amas.Orleans.Benchmarks.Profiling.TraceSummaryCommand.Print(file),
    ["trace-summary", var file, "--callers", var method] => Amas.Orleans.Benchmarks.Profiling.TraceSummaryCommand.Print(file, method),
    ["tree", var target, var megabytes] => PrintTree(target, long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture)),
    ["run", .. var rest] => await BenchmarkRun.RunAsync(BenchmarkOptions.Parse(rest)),
    ["router", .. var rest] => await RouterCommand.RunAsync(BenchmarkOptions.Parse(rest)),
    ["system", .. var rest] => await SystemCommand.RunAsync(BenchmarkOptions.Parse(rest)),
    ["overhead", .. var rest] => await OverheadCommand.RunAsync(BenchmarkOptions.Parse(rest)),
    ["submit", .. var rest] => await SubmitCommand.RunAsync(BenchmarkOptions.Parse(rest)),
    _ => Usage(),
};

static int PrintTree(string target, long megabytes)
{
    var manifest = TextTree.Assemble(TextTree.DefaultSources, target, megabytes * 1024 * 1024);
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(manifest));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: run [--smoke] --root REPO [--out FILE] [--secretlint DIR] | router [--smoke] --root REPO [--out FILE] | system [--smoke] --root REPO [--out FILE] | overhead [--smoke] --root REPO | submit [--smoke] --root REPO | trace-summary FILE [--callers METHOD] | scan DIR [--findings FILE] [--agent NAME] | tree DIR MEGABYTES");
    return 2;
}
