using System.Diagnostics;
using System.Text.Json;
using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Benchmarks;

/// <summary>What one scan process measured of itself.</summary>
public sealed record ScanResult(
    int Files,
    long Bytes,
    double WalkSeconds,
    double ScanSeconds,
    int Findings,
    int SecretFindings,
    int CodeFindings,
    long PeakWorkingSetBytes,
    long AllocatedBytes,
    int Parallelism,
    string Agent = "SecurityScanner",
    IReadOnlyDictionary<string, double>? Metrics = null);

/// <summary>
/// The measured run, meant to be its own process: RepositoryWalker lists the tree, then the SecurityScanner agent
/// (secret and dangerous-code rules, Environment.ProcessorCount files in parallel, as in production) scans it; with
/// <c>--agent CodeQualityInspector</c> that agent (default options) instead, to measure its memory on the same tree.
/// Prints one JSON object; with a findings path, also writes "file&lt;TAB&gt;line&lt;TAB&gt;rule" lines.
/// </summary>
public static class ScanCommand
{
    public static bool TryParse(IReadOnlyList<string> args, out string? findingsPath, out string agent)
    {
        (findingsPath, agent) = (null, "SecurityScanner");
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--findings": findingsPath = args[i + 1]; break;
                case "--agent" when args[i + 1] is "SecurityScanner" or "CodeQualityInspector": agent = args[i + 1]; break;
                default: return false;
            }
        }

        return args.Count % 2 == 0;
    }

    public static async Task<int> RunAsync(string root, string? findingsPath, string agentName = "SecurityScanner")
    {
        var clock = Stopwatch.StartNew();
        var walker = new RepositoryWalker(Options.Create(new RepositoryOptions()), NullLogger<RepositoryWalker>.Instance);
        var checkout = walker.Walk(root, commit: null, CancellationToken.None);
        var walkSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        IAgent agent = agentName == "CodeQualityInspector"
            ? new CodeQualityInspectorAgent(Options.Create(new CodeQualityOptions()))
            : new SecurityScannerAgent();
        var work = new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = agent.Descriptor.Name,
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddHours(1),
        };
        var result = await agent.RunAsync(new AgentContext(work, checkout, []), CancellationToken.None);
        var scanSeconds = clock.Elapsed.TotalSeconds;
        // A suppressed finding (an amas:ignore line) is the author's decision, not a report; secretlint has none.
        var reported = result.Findings.Where(f => f.Suppression is null).ToArray();

        if (findingsPath is not null)
        {
            await File.WriteAllLinesAsync(findingsPath, reported.Select(f => $"{f.File}\t{f.Line}\t{f.Rule}"));
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var secrets = reported.Count(f => f.Category == SecretScanner.Category);
        var scan = new ScanResult(
            checkout.Files.Count,
            checkout.Files.Sum(f => f.Length),
            walkSeconds,
            scanSeconds,
            reported.Length,
            secrets,
            reported.Length - secrets,
            self.PeakWorkingSet64,
            GC.GetTotalAllocatedBytes(precise: false),
            Environment.ProcessorCount,
            agent.Descriptor.Name,
            result.Metrics);
        Console.WriteLine(JsonSerializer.Serialize(scan));
        return 0;
    }
}
