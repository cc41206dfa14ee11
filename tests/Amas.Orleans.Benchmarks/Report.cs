using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Amas.Orleans.Analysis.Tests.Corpus;
using Amas.Orleans.Benchmarks.Router;

namespace Amas.Orleans.Benchmarks;

/// <summary>The benchmark's figures as docs/benchmarks.md.</summary>
public sealed class Report(
    BenchmarkOptions options,
    TreeManifest tree,
    string loadAverage,
    ScanResult scan,
    Timed ours,
    Timed? theirs,
    int theirFindings,
    Secretlint? secretlint,
    IReadOnlyList<PlantedSecret> planted,
    List<(string File, int Line)> ourHits,
    List<(string File, int Line)>? theirHits,
    RouterFigures router)
{
    private const double Mega = 1_000_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private int OurTruePositives => planted.Count(p => ourHits.Contains((p.File, p.Line)));

    private int? TheirTruePositives => theirHits is null ? null : planted.Count(p => theirHits.Contains((p.File, p.Line)));

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"ours: {ours.WallSeconds:F2} s, {tree.Bytes / Mega / ours.WallSeconds:F1} MB/s, {scan.Files / ours.WallSeconds:F0} files/s, ");
        text.Append(Invariant, $"max RSS {ours.MaxRssBytes / 1048576.0:F0} MiB, {OurTruePositives}/{planted.Count} planted secrets");
        if (theirs is not null)
        {
            text.Append(Invariant, $"; secretlint: {(theirs.TimedOut ? "> " : "")}{theirs.WallSeconds:F2} s, {tree.Bytes / Mega / theirs.WallSeconds:F2} MB/s, ");
            text.Append(Invariant, $"max RSS {theirs.MaxRssBytes / 1048576.0:F0} MiB, {TheirTruePositives}/{planted.Count} planted secrets; ");
            text.Append(Invariant, $"speed-up {theirs.WallSeconds / ours.WallSeconds:F1}x");
        }

        text.Append(Invariant, $"; router overhead p50 {router.OverheadP50:F3} ms, open-circuit failover p50 {router.FailoverCircuitOpen.P50:F3} ms vs healthy {router.Router.P50:F3} ms");

        return text.ToString();
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(Invariant));

        Line($"# Benchmarks");
        md.AppendLine();
        Line($"Written by `tests/Amas.Orleans.Benchmarks/run.sh{(options.Smoke ? " --smoke" : "")}`; do not edit by hand. Every figure below comes from one run on one machine; the machines are shared and noisy, so compare the ratio (measured in the same run), not the absolute numbers.");
        md.AppendLine();
        Line($"## Scanner throughput (issue 4, issue 11 row \"scanner throughput\")");
        md.AppendLine();
        Line($"The same text tree ({tree.Files:N0} files, {tree.Bytes / Mega:F1} MB; MB = 10^6 bytes) scanned by our SecurityScanner (RepositoryWalker, then the `SecurityScannerAgent`: all secret and dangerous-code rules, {scan.Parallelism} files in parallel = `Environment.ProcessorCount`, as the agent does in the silo) and by secretlint {secretlint?.Version ?? "(not installed)"} with `@secretlint/secretlint-rule-preset-recommend`. Each tool runs once, in its own process, under GNU `/usr/bin/time`; wall time includes start-up (and JIT for ours). The tree was written just before, so both read it from the page cache.");
        md.AppendLine();
        md.AppendLine("| tool | wall s | CPU s | files/s | MB/s | findings | peak memory (max RSS) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        Line($"| Amas SecurityScanner | {ours.WallSeconds:F2} | {ours.CpuSeconds:F2} | {scan.Files / ours.WallSeconds:N0} | {tree.Bytes / Mega / ours.WallSeconds:F1} | {scan.Findings:N0} ({scan.SecretFindings:N0} secrets, {scan.CodeFindings:N0} dangerous code) | {ours.MaxRssBytes / 1048576.0:F0} MiB |");
        if (theirs is not null)
        {
            if (theirs.TimedOut)
            {
                Line($"| secretlint | > {theirs.WallSeconds:F0} (stopped at the {options.SecretlintLimit.TotalMinutes:F0}-minute limit) | n/a | < {tree.Files / theirs.WallSeconds:N0} | < {tree.Bytes / Mega / theirs.WallSeconds:F2} | n/a | n/a |");
                md.AppendLine();
                Line($"**Ratio:** ours is **more than {theirs.WallSeconds / ours.WallSeconds:F0}×** faster than secretlint (wall time); secretlint had not finished the tree when it was stopped.");
            }
            else
            {
                Line($"| secretlint | {theirs.WallSeconds:F2} | {theirs.CpuSeconds:F2} | {tree.Files / theirs.WallSeconds:N0} | {tree.Bytes / Mega / theirs.WallSeconds:F2} | {theirFindings:N0} | {theirs.MaxRssBytes / 1048576.0:F0} MiB |");
                md.AppendLine();
                Line($"**Ratio:** ours is **{theirs.WallSeconds / ours.WallSeconds:F1}×** faster than secretlint (wall time) and {CpuRatio(theirs)}× in CPU time (secretlint runs on one core, ours on {scan.Parallelism}), using {ours.MaxRssBytes / (double)theirs.MaxRssBytes:F2}× its peak memory.");
            }

            if (!theirs.TimedOut && theirs.ExitCode is not (0 or 1))
            {
                Line($"secretlint exited with {theirs.ExitCode}: {Trim(theirs.StandardError)}");
            }
        }
        else
        {
            md.AppendLine();
            md.AppendLine("secretlint was not installed, so there is no anchor in this run.");
        }

        md.AppendLine();
        Line($"Split of our run (measured inside the scan process): walk {scan.WalkSeconds:F2} s ({scan.Files:N0} files listed, {scan.Bytes / Mega:F1} MB), scan {scan.ScanSeconds:F2} s; `Process.PeakWorkingSet64` of the scan process {scan.PeakWorkingSetBytes / 1048576.0:F0} MiB; {scan.AllocatedBytes / 1048576.0:N0} MiB allocated in total. Target: peak memory under 500 MB — **{(ours.MaxRssBytes < 500 * Mega ? "met" : "missed")}** ({ours.MaxRssBytes / Mega:F0} MB).");
        md.AppendLine();
        md.AppendLine("Peak memory is the maximum resident set size of each tool's process as GNU time reports it (`%M`, from the kernel's rusage); for ours it agrees with `Process.PeakWorkingSet64`, which the scan process reads of itself at the end.");
        md.AppendLine();

        Line($"## True positives on the planted corpus");
        md.AppendLine();
        Line($"The corpus of the Layer-1 corpus test (`tests/Amas.Orleans.Analysis.Tests/Corpus/repo`), materialised with its {planted.Count} planted secrets (`PlantedSecrets.cs` assembles them at run time; nothing credential-shaped is committed). A planted secret counts as found when the tool reports a finding on its line. Near misses (the documented AWS example key, a placeholder password, an environment lookup, a line marked `amas:ignore`) are not planted secrets: a report on them counts under \"other reports\".");
        md.AppendLine();
        md.AppendLine("| planted secret | file:line | Amas | secretlint |");
        md.AppendLine("|---|---|:---:|:---:|");
        foreach (var secret in planted)
        {
            var mine = ourHits.Contains((secret.File, secret.Line)) ? "yes" : "no";
            var their = theirHits is null ? "n/a" : theirHits.Contains((secret.File, secret.Line)) ? "yes" : "no";
            Line($"| {secret.Name} | `{secret.File}:{secret.Line}` | {mine} | {their} |");
        }

        var plantedLines = planted.Select(p => (p.File, p.Line)).ToHashSet();
        Line($"| **true positives** | | **{OurTruePositives}/{planted.Count}** | **{(TheirTruePositives is { } t ? $"{t}/{planted.Count}" : "n/a")}** |");
        Line($"| other reports (not a planted line) | | {ourHits.Count(h => !plantedLines.Contains(h))} | {(theirHits is null ? "n/a" : theirHits.Count(h => !plantedLines.Contains(h)).ToString(Invariant))} |");
        md.AppendLine();

        md.Append(RouterSection.Markdown(router, $"tests/Amas.Orleans.Benchmarks/run.sh{(options.Smoke ? " --smoke" : "")}"));

        Line($"## The tree");
        md.AppendLine();
        Line($"Assembled by `TextTree.Assemble` (tests/Amas.Orleans.Benchmarks/TextTree.cs) from files already on the machine: sources in this order, each source's files in ordinal path order, until {options.TreeBytes / 1048576} MiB; text only (no NUL byte in the first 8 KiB), 1 byte to 1 MiB, no dot-files, no `.gitignore`, `node_modules` folders renamed `node_mods` (so that neither tool skips anything the other reads).");
        md.AppendLine();
        md.AppendLine("| source | folder | files taken | files | MB |");
        md.AppendLine("|---|---|---|---:|---:|");
        foreach (var source in tree.Sources)
        {
            Line($"| {source.Label} | `{source.Folder}` | {string.Join(' ', source.Endings.Select(e => "`*" + e + "`"))} | {source.Files:N0} | {source.Bytes / Mega:F1} |");
        }

        md.AppendLine();
        Line($"Content hash (SHA-256 over each file in ordinal order of its relative path: UTF-8 path, NUL, length as 8 little-endian bytes, content): `{tree.Sha256}`. The same machine image gives the same tree; another image gives another hash, which is why it is recorded.");
        md.AppendLine();

        Line($"## Machine");
        md.AppendLine();
        Line($"- CPU: {CpuModel()}; `nproc` = {Environment.ProcessorCount}");
        Line($"- Memory: {MemTotal()}");
        Line($"- Load average before the run: {loadAverage}");
        Line($"- OS: {RuntimeInformation.OSDescription}; .NET {Environment.Version} ({RuntimeInformation.FrameworkDescription}), workstation GC; Node {Capture("node", "--version")}");
        Line($"- Commit: `{Capture("git", "-C", options.Root, "rev-parse", "HEAD")}`{(Capture("git", "-C", options.Root, "status", "--porcelain").Length > 0 ? " (with uncommitted changes)" : "")}");
        Line($"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();

        Line($"## Commands");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("# everything, under 20 minutes (installs secretlint into .amas/bench/node when missing, builds Release, writes this file):");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/run.sh");
        md.AppendLine("# smoke mode, which tests/run.sh runs (tiny counts, a minute or two; writes .amas/bench/benchmarks-smoke.md or --out FILE):");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/run.sh --smoke");
        md.AppendLine("# only one part (replaces its section here and keeps the others):");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/run.sh --router-only");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/run.sh --system-only");
        md.AppendLine();
        md.AppendLine("# what run.sh does:");
        md.AppendLine("dotnet tool restore   # dotnet-trace and dotnet-counters, pinned in .config/dotnet-tools.json (not in smoke mode)");
        md.AppendLine("npm install --prefix .amas/bench/node --no-audit --no-fund secretlint @secretlint/secretlint-rule-preset-recommend");
        md.AppendLine("dotnet build tests/Amas.Orleans.Benchmarks -c Release");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks run --root .");
        md.AppendLine("# which assembles .amas/bench/tree and then measures, each in its own process:");
        md.AppendLine("/usr/bin/time -f '%e %U %S %M' tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks scan .amas/bench/tree");
        md.AppendLine("(cd .amas/bench/tree && /usr/bin/time -f '%e %U %S %M' node ../node/node_modules/secretlint/bin/secretlint.js '**/*' \\");
        md.AppendLine("    --secretlintrc ../node/.secretlintrc.json --format compact --no-color --output ../secretlint-tree.txt)");
        md.AppendLine("# and on the planted corpus (.amas/bench/corpus):");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks scan .amas/bench/corpus --findings .amas/bench/ours-corpus.tsv");
        md.AppendLine("(cd .amas/bench/corpus && node ../node/node_modules/secretlint/bin/secretlint.js '**/*' '**/.*' \\");
        md.AppendLine("    --secretlintrc ../node/.secretlintrc.json --format json --output ../secretlint-corpus.json)");
        md.AppendLine("# then, in the run process, the router part (what --router-only runs alone):");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks router --root .");
        md.AppendLine("# and last the system rows of issue 11, in a process of their own (what --system-only runs alone; it also");
        md.AppendLine("# starts a throwaway PostgreSQL, and the 3-silo cluster with deploy/local/cluster.sh after `cluster.sh build`):");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks system --root .");
        md.AppendLine("# a row that misses its target is profiled in one extra run of it, from the system process, on the process(es)");
        md.AppendLine("# serving it (PID), for 10 s; the files stay in .amas/bench/profiles/:");
        md.AppendLine("dotnet tool run dotnet-trace collect -p PID --profile dotnet-sampled-thread-time,gc-verbose --duration 00:00:00:10 -o FILE.nettrace");
        md.AppendLine("dotnet tool run dotnet-counters collect -p PID --counters System.Runtime --format json --refresh-interval 1 --duration 00:00:00:10 -o FILE.counters.json");
        md.AppendLine("# a kept trace read again (what the report summarises), or the stacks above one method, or under one frame:");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks trace-summary FILE.nettrace");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks trace-summary FILE.nettrace --callers METHOD");
        md.AppendLine("tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks trace-summary FILE.nettrace --callers under:FRAME");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("`.secretlintrc.json`: `{ \"rules\": [ { \"id\": \"@secretlint/secretlint-rule-preset-recommend\" } ] }`.");
        return md.ToString();
    }

    private string CpuRatio(Timed anchor) =>
        ours.CpuSeconds > 0 && anchor.CpuSeconds > 0 ? (anchor.CpuSeconds / ours.CpuSeconds).ToString("F1", Invariant) : "n/a";

    private static string Trim(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "…";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    private static string MemTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Invariant) / 1048576.0).ToString("F1", Invariant) + " GiB";
    }

    private static string Capture(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "n/a";
        }
    }
}
