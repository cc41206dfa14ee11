using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Tests.Corpus;
using Amas.Orleans.Benchmarks.Router;

namespace Amas.Orleans.Benchmarks;

/// <summary>A child process's exit code, wall and CPU time and peak resident set, as /usr/bin/time measured them.</summary>
/// <param name="TimedOut">Stopped at the time limit: the wall time is a lower bound and CPU and memory are unknown (-1).</param>
public sealed record Timed(int ExitCode, double WallSeconds, double CpuSeconds, long MaxRssBytes, string StandardOutput, string StandardError, bool TimedOut = false);

/// <summary>
/// The whole scanner benchmark: assemble the text tree, scan it with our SecurityScanner and with secretlint (each in
/// its own process under /usr/bin/time), scan the planted corpus with both, measure the AI router against its
/// loopback fake, and write the Markdown report.
/// </summary>
public static partial class BenchmarkRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var bench = Path.Combine(options.Root, ".amas", "bench");
        var tree = Path.Combine(bench, options.Smoke ? "tree-smoke" : "tree");
        var corpus = Path.Combine(bench, "corpus");
        Directory.CreateDirectory(bench);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

        Console.WriteLine($"Assembling a {options.TreeBytes / 1024 / 1024} MiB text tree in {tree} ...");
        var manifest = TextTree.Assemble(TextTree.DefaultSources, tree, options.TreeBytes);
        await File.WriteAllTextAsync(Path.Combine(bench, options.Smoke ? "tree-smoke.json" : "tree.json"), JsonSerializer.Serialize(manifest));
        Console.WriteLine($"  {manifest.Files} files, {manifest.Bytes} bytes, sha256 {manifest.Sha256}");

        Console.WriteLine("Scanning the tree with the SecurityScanner agent ...");
        var ours = await TimeAsync(SelfCommand(), ["scan", tree], bench);
        if (ours.ExitCode != 0)
        {
            Console.Error.WriteLine(ours.StandardError);
            return 1;
        }

        var scan = JsonSerializer.Deserialize<ScanResult>(ours.StandardOutput.Trim().Split('\n')[^1])!;
        Console.WriteLine($"  {ours.WallSeconds:F2} s, {scan.Findings} findings, max RSS {ours.MaxRssBytes / 1048576.0:F0} MiB");

        var secretlint = Secretlint.Find(options.SecretlintPrefix);
        Timed? theirs = null;
        int theirFindings = 0;
        if (secretlint is not null)
        {
            Console.WriteLine("Scanning the tree with secretlint ...");
            var report = Path.Combine(bench, "secretlint-tree.txt");
            theirs = await TimeAsync("node", [secretlint.Script, "**/*", "--secretlintrc", secretlint.Config, "--format", "compact",
                "--no-color", "--output", report], tree, options.SecretlintLimit);
            theirFindings = File.Exists(report) ? CompactFinding().Matches(await File.ReadAllTextAsync(report)).Count : 0;
            Console.WriteLine($"  {theirs.WallSeconds:F2} s (exit {theirs.ExitCode}{(theirs.TimedOut ? ", stopped at the limit" : "")}), {theirFindings} findings, max RSS {theirs.MaxRssBytes / 1048576.0:F0} MiB");
        }
        else
        {
            Console.WriteLine($"secretlint not found under {options.SecretlintPrefix}: skipped.");
        }

        Console.WriteLine("Scanning the planted corpus with both ...");
        if (Directory.Exists(corpus))
        {
            Directory.Delete(corpus, recursive: true);
        }

        var planted = PlantedSecrets.Materialise(
            Path.Combine(options.Root, "tests", "Amas.Orleans.Analysis.Tests", "Corpus", "repo"), corpus);
        var ourCorpusFile = Path.Combine(bench, "ours-corpus.tsv");
        var ourCorpus = await TimeAsync(SelfCommand(), ["scan", corpus, "--findings", ourCorpusFile], bench);
        if (ourCorpus.ExitCode != 0)
        {
            Console.Error.WriteLine(ourCorpus.StandardError);
            return 1;
        }

        var ourHits = (await File.ReadAllLinesAsync(ourCorpusFile))
            .Select(l => l.Split('\t'))
            .Where(f => f[2].StartsWith("secret/", StringComparison.Ordinal))
            .Select(f => (File: f[0], Line: int.Parse(f[1], Invariant)))
            .ToList();
        List<(string File, int Line)>? theirHits = null;
        if (secretlint is not null)
        {
            var json = Path.Combine(bench, "secretlint-corpus.json");
            await TimeAsync("node", [secretlint.Script, "**/*", "**/.*", "--secretlintrc", secretlint.Config, "--format", "json",
                "--output", json], corpus);
            theirHits = Secretlint.ReadJsonFindings(json, corpus);
        }

        var router = await RouterBenchmark.RunAsync(options.Smoke, options.Root);

        var report2 = new Report(options, manifest, load, scan, ours, theirs, theirFindings, secretlint, planted, ourHits, theirHits, router);
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await File.WriteAllTextAsync(options.Output, report2.Markdown());
        Console.WriteLine($"Wrote {options.Output}");
        Console.WriteLine(report2.Summary());
        return 0;
    }

    /// <summary>This program, to start a measured scan in a fresh process.</summary>
    private static string[] SelfCommand()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "Amas.Orleans.Benchmarks");
        return File.Exists(apphost) ? [apphost] : ["dotnet", Path.Combine(AppContext.BaseDirectory, "Amas.Orleans.Benchmarks.dll")];
    }

    private static Task<Timed> TimeAsync(string program, IReadOnlyList<string> args, string workingDirectory, TimeSpan? limit = null) =>
        TimeAsync([program], args, workingDirectory, limit);

    /// <summary>Runs a command under GNU time (-f "%e %U %S %M": wall, user, system seconds, max RSS in KiB).</summary>
    private static async Task<Timed> TimeAsync(string[] command, IReadOnlyList<string> args, string workingDirectory, TimeSpan? limit = null)
    {
        var timeFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["-o", timeFile, "-f", "%e %U %S %M", .. command, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        using (var timeout = new CancellationTokenSource(limit ?? Timeout.InfiniteTimeSpan))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Past the limit: stop the tool (GNU time and its child) and report the limit as a lower bound.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                File.Delete(timeFile);
                return new Timed(-1, clock.Elapsed.TotalSeconds, -1, -1, await stdout, await stderr, TimedOut: true);
            }
        }

        var fields = (await File.ReadAllLinesAsync(timeFile)).Last(l => l.Length > 0).Split(' ');
        File.Delete(timeFile);
        return new Timed(
            process.ExitCode,
            double.Parse(fields[0], Invariant),
            double.Parse(fields[1], Invariant) + double.Parse(fields[2], Invariant),
            long.Parse(fields[3], Invariant) * 1024,
            await stdout,
            await stderr);
    }

    [GeneratedRegex(@": line \d+, col \d+, ")]
    private static partial Regex CompactFinding();
}
